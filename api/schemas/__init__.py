"""Request and response shapes (pydantic): validation at the edge, and the OpenAPI schemas."""
