"""Rendering of love cards (消费扶贫爱心卡) for print: QR codes, card faces, printable PDF sheets.

Pure functions over shipped assets (assets/fonts, assets/templates): no database, no HTTP.
"""
from models.printing.card_face import (
    CardFace,
    Template,
    default_template,
    format_yuan,
    load_template,
    mask_card_no,
    render_card_face,
    yuan_in_words,
)
from models.printing.pdf import card_faces_pdf, iter_card_faces_pdf
from models.printing.qr import qr_image, qr_matrix, qr_png

__all__ = [
    "CardFace", "Template", "card_faces_pdf", "default_template", "format_yuan", "iter_card_faces_pdf",
    "load_template", "mask_card_no", "qr_image", "qr_matrix", "qr_png", "render_card_face", "yuan_in_words",
]
