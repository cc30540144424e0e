"""Excel workbooks: coded segments with the codebook and respondents, the consent register.
Cells are written through `cells` so formulas and overlong text never slip through."""
