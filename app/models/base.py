from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Shared with the central store's schema; the console's migrations name them from here.
from app.storage.types import NAMING, UtcDateTime

__all__ = ["NAMING", "Base", "UtcDateTime"]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime}
