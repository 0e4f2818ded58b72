"""Moving in from a spreadsheet, and figures out to Excel.

    read.py     an .xlsx (openpyxl, read-only, data-only, parsed through defusedxml) or a .csv file
                -> a `Sheet`: its header and its rows, with the rows left out and why
    values.py   what a cell means: Dutch and Excel dates, minutes or hours, vocabulary synonyms
    mapping.py  the proposed mapping of columns onto fields (and values onto codes), saved as TOML
    plan.py     the cases and conversations the sheet makes, the identities left out, the dry run;
                `apply` writes them in one transaction (all or nothing)
    export.py   the published report figures as .xlsx, and the CSV that Dutch Excel opens

No identities come in: columns that hold names, e-mail addresses, phone or personnel numbers are
refused as fields, and every free-text cell passes the privacy guard before it is stored.
"""
