"""Where the shipped assets live (regions, demo catalogue, fonts, templates)."""
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
REGIONS_CSV = ASSETS / "regions" / "regions.csv"
DEMO_CATALOG_CSV = ASSETS / "catalog" / "demo_catalog.csv"
