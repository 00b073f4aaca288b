"""toolkit.report: publication layer (tables, figures, evidence pack)."""
