from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

router = APIRouter(tags=["widget"])
STATIC = Path(__file__).resolve().parent.parent / "static"


def _static(name: str, media_type: str) -> FileResponse:
    path = STATIC / name
    if not path.is_file():
        raise HTTPException(404, f"{name} is not installed with this service")
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "no-cache"})


@router.get("/", include_in_schema=False)
def demo_page() -> FileResponse:
    return _static("index.html", "text/html; charset=utf-8")


@router.get("/widget.js", include_in_schema=False)
def widget_script() -> FileResponse:
    return _static("widget.js", "text/javascript; charset=utf-8")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return _static("favicon.svg", "image/svg+xml")
