"""Dependency aliases: routes receive the objects built once in the lifespan; tests may override them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.answering.engine import Answerer
from service.library import Library
from service.retrieval import HybridSearch
from service.settings import ServiceSettings


def get_library(request: Request) -> Library:
    return request.app.state.library


def get_answerer(request: Request) -> Answerer:
    return request.app.state.answerer


def get_search(request: Request) -> HybridSearch:
    return request.app.state.answerer.search


def get_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


LibraryDep = Annotated[Library, Depends(get_library)]
AnswererDep = Annotated[Answerer, Depends(get_answerer)]
SearchDep = Annotated[HybridSearch, Depends(get_search)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]
