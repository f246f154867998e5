"""Printing: the printout document (document.py), pagination and printers (printing.py),
and a print job for the interface (job.py)."""
