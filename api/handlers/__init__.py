"""HTTP handlers, one module per area; each exports ROUTES."""
