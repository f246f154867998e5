"""The content domain: strict YAML loading, models, validation, schedule. No Qt here."""
