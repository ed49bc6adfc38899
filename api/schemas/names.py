"""`Name`: the request-body type of every name field (see models/names.py for the rule and why it refuses).

A name holding a control or invisible character is a 422 `validation_error` whose detail names the field
(`loc`) and has the type `invalid_name_characters`; its message gives the character and its position.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from models.names import CODE, name_problem


def _visible(value: str) -> str:
    problem = name_problem(value)
    if problem is not None:
        raise PydanticCustomError(CODE, problem)
    return value


Name = Annotated[str, AfterValidator(_visible)]
