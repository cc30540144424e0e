"""What a survey column can be: the role it plays in the project, and what kind of answer the
survey tool says it holds. Shared by the column plan and the source profiles."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    ID = "respondent id"
    RESPONSE = "response"
    ATTRIBUTE = "attribute"
    IDENTITY = "identity"
    LANGUAGE = "language"
    DATE = "received date"
    IGNORED = "ignored"


class Answer(enum.StrEnum):
    """What a question column holds, when the tool says so."""

    OPEN = "open"  # free text: a response
    OTHER = "other"  # the text of "other, please specify": a response
    SINGLE = "single"  # one choice: a category attribute
    MULTI = "multi"  # several choices in one cell, joined by the layout's separator
    OPTION = "option"  # one column per choice of a multiple-choice question
    RATING = "rating"  # a number on a scale
    MATRIX = "matrix"  # one row of a matrix question: an attribute "question - row"
    RANKING = "ranking"  # choices in order, joined by the layout's ranking separator
