"""Iraq's governorates: the ids the data may use, with names and capitals."""

from __future__ import annotations

from typing import NamedTuple


class Governorate(NamedTuple):
    """A governorate with its English and Arabic names and its capital's position."""

    name: str
    arabic: str
    capital: str
    lat: float
    lon: float


GOVERNORATES: dict[str, Governorate] = {
    "anbar": Governorate("Anbar", "الأنبار", "Ramadi", 33.42, 43.30),
    "babil": Governorate("Babil", "بابل", "Hillah", 32.48, 44.43),
    "baghdad": Governorate("Baghdad", "بغداد", "Baghdad", 33.315, 44.366),
    "basra": Governorate("Basra", "البصرة", "Basra", 30.508, 47.783),
    "dhi-qar": Governorate("Dhi Qar", "ذي قار", "Nasiriyah", 31.05, 46.26),
    "diyala": Governorate("Diyala", "ديالى", "Baqubah", 33.75, 44.64),
    "duhok": Governorate("Duhok", "دهوك", "Duhok", 36.87, 42.99),
    "erbil": Governorate("Erbil", "أربيل", "Erbil", 36.19, 44.01),
    "halabja": Governorate("Halabja", "حلبجة", "Halabja", 35.18, 45.99),
    "karbala": Governorate("Karbala", "كربلاء", "Karbala", 32.62, 44.02),
    "kirkuk": Governorate("Kirkuk", "كركوك", "Kirkuk", 35.47, 44.39),
    "maysan": Governorate("Maysan", "ميسان", "Amarah", 31.84, 47.14),
    "muthanna": Governorate("Muthanna", "المثنى", "Samawah", 31.31, 45.28),
    "najaf": Governorate("Najaf", "النجف", "Najaf", 32.03, 44.35),
    "nineveh": Governorate("Nineveh", "نينوى", "Mosul", 36.34, 43.13),
    "qadisiyyah": Governorate("Qadisiyyah", "القادسية", "Diwaniyah", 31.99, 44.92),
    "saladin": Governorate("Saladin", "صلاح الدين", "Tikrit", 34.61, 43.68),
    "sulaymaniyah": Governorate("Sulaymaniyah", "السليمانية", "Sulaymaniyah", 35.56, 45.43),
    "wasit": Governorate("Wasit", "واسط", "Kut", 32.51, 45.82),
}
