#!/usr/bin/python3
"""Builds src/Linli.Web/Fonts/LinliSans-Regular.ttf, the CJK font embedded in generated PDFs (ledgers).

Source: Noto Sans CJK SC Regular (SIL OFL 1.1) from Debian's fonts-noto-cjk. PDFsharp embeds TrueType outlines only,
so the font is subset to the characters of GBK plus Latin and punctuation, converted from CFF to TrueType (quadratic)
outlines, and renamed, as the OFL asks of modified versions. Needs Debian's python3-fonttools:
  apt-get install fonts-noto-cjk python3-fonttools && /usr/bin/python3 scripts/make-pdf-font.py
"""
import os
from fontTools.ttLib import TTCollection, newTable
from fontTools.subset import Subsetter, Options
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TARGET = os.path.join(os.path.dirname(__file__), "..", "src", "Linli.Web", "Fonts", "LinliSans-Regular.ttf")
FAMILY = "Linli Sans"


def characters():
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180)) | set(range(0x2000, 0x2070)) | {0x20AC, 0x2116, 0x2122}
    chars |= set(range(0x2150, 0x2200)) | set(range(0x2460, 0x24FF)) | set(range(0x25A0, 0x2700))  # ①, arrows, ○●□
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))                                # 、。「」 fullwidth
    for lead in range(0x81, 0xFF):                                                                  # every GBK character
        for trail in range(0x40, 0xFF):
            try:
                chars.add(ord(bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return chars


def to_quadratic(font):
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    for name, glyph in glyf.glyphs.items():
        width, _ = font["hmtx"][name]
        font["hmtx"][name] = (width, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones, maxp.maxTwilightPoints, maxp.maxStorage = 1, 0, 0
    maxp.maxFunctionDefs = maxp.maxInstructionDefs = maxp.maxStackElements = maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    font["post"].formatType = 3.0  # no glyph names: they would be a third of the file
    for table in ("GPOS", "GSUB", "vhea", "vmtx"):  # the PDF writer lays out horizontal text itself
        if table in font:
            del font[table]
    font.sfntVersion = "\000\001\000\000"
    font["head"].glyphDataFormat = 0


def rename(font):
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    for platform in ((3, 1, 0x409), (1, 0, 0)):
        names.setName(FAMILY, 1, *platform)
        names.setName("Regular", 2, *platform)
        names.setName(f"{FAMILY} Regular; subset of Noto Sans CJK SC", 3, *platform)
        names.setName(f"{FAMILY} Regular", 4, *platform)
        names.setName("LinliSans-Regular", 6, *platform)


def main():
    font = TTCollection(SOURCE).fonts[2]  # Noto Sans CJK SC
    assert "SC" in font["name"].getDebugName(4)
    options = Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.desubroutinize = True
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=characters())
    subsetter.subset(font)
    to_quadratic(font)
    rename(font)
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    font.save(TARGET)
    print(TARGET, os.path.getsize(TARGET), "bytes,", len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    main()
