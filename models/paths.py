"""Where the shipped assets live (regions, demo catalogue, fonts, templates)."""
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
REGIONS_CSV = ASSETS / "regions" / "regions.csv"
FORMER_REGIONS_CSV = ASSETS / "regions" / "former.csv"  # former names and codes of county-level areas
DEMO_CATALOG_CSV = ASSETS / "catalog" / "demo_catalog.csv"
