"""Coding: the codebook tree, segments and their codes, coders, memos, pinned codes, autocode,
and retrieving a code's segments. May import the corpus domain."""
