"""Dependency aliases: routes receive the current view of the index (built in the lifespan, renewed as ingest
changes the index); tests may override them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.answering.engine import Answerer
from service.library import Library
from service.live import View
from service.retrieval import HybridSearch
from service.settings import ServiceSettings


def get_view(request: Request) -> View:
    """The index as it is now, fixed for the whole request (FastAPI resolves this once per request)."""
    return request.app.state.live.current()


ViewDep = Annotated[View, Depends(get_view)]


def get_library(view: ViewDep) -> Library:
    return view.library


def get_answerer(view: ViewDep) -> Answerer:
    return view.answerer


def get_search(view: ViewDep) -> HybridSearch:
    return view.answerer.search


def get_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


LibraryDep = Annotated[Library, Depends(get_library)]
AnswererDep = Annotated[Answerer, Depends(get_answerer)]
SearchDep = Annotated[HybridSearch, Depends(get_search)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]
