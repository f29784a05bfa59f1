"""Word lists for the synthetic dataset: places, names and phrases with their variants."""

from __future__ import annotations

from typing import NamedTuple


class City(NamedTuple):
    """A town with its governorate, other spellings, Arabic name and position."""

    name: str
    governorate: str
    variants: tuple[str, ...]
    arabic: str
    lat: float
    lon: float


CITIES: tuple[City, ...] = (
    City("Baghdad", "baghdad", ("Bagdad",), "بغداد", 33.315, 44.366),
    City("Nasiriyah", "dhi-qar", ("Nassiriya", "Al-Nasiriyah"), "الناصرية", 31.05, 46.26),
    City("Basra", "basra", ("Basrah",), "البصرة", 30.508, 47.783),
    City("Najaf", "najaf", ("An-Najaf",), "النجف", 32.03, 44.35),
    City("Karbala", "karbala", ("Kerbala",), "كربلاء", 32.62, 44.02),
    City("Amarah", "maysan", ("Al-Amarah", "Amara"), "العمارة", 31.84, 47.14),
    City("Kut", "wasit", ("Al-Kut",), "الكوت", 32.51, 45.82),
    City("Diwaniyah", "qadisiyyah", ("Al-Diwaniyah", "Diwaniya"), "الديوانية", 31.99, 44.92),
    City("Hillah", "babil", ("Hilla", "Al-Hillah"), "الحلة", 32.48, 44.43),
    City("Samawah", "muthanna", ("Al-Samawah", "Samawa"), "السماوة", 31.31, 45.28),
    City("Kufa", "najaf", ("Al-Kufa",), "الكوفة", 32.05, 44.40),
    City("Zubair", "basra", ("Al-Zubair", "Zubayr"), "الزبير", 30.39, 47.70),
    City("Shatra", "dhi-qar", ("Al-Shatrah",), "الشطرة", 31.41, 46.17),
    City("Suq al-Shuyukh", "dhi-qar", ("Souq al-Shuyoukh",), "سوق الشيوخ", 30.88, 46.46),
    City("Rifai", "dhi-qar", ("Al-Rifai",), "الرفاعي", 31.72, 46.11),
    City("Umm Qasr", "basra", ("Um Qasr",), "أم قصر", 30.03, 47.95),
    City("Mahmudiyah", "baghdad", ("Mahmudiya",), "المحمودية", 33.06, 44.36),
    City("Baqubah", "diyala", ("Baquba",), "بعقوبة", 33.75, 44.64),
    City("Kirkuk", "kirkuk", ("Karkuk",), "كركوك", 35.47, 44.39),
    City("Ali al-Gharbi", "maysan", ("Ali Al Gharbi",), "علي الغربي", 32.46, 46.69),
    City("Hamza", "qadisiyyah", ("Al-Hamzah",), "الحمزة", 31.72, 44.98),
    City("Qalat Sukkar", "dhi-qar", ("Qal'at Sukkar",), "قلعة سكر", 31.87, 46.07),
)

# Wider areas, with the governorates they cover.
AREAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("southern Iraq", ("basra", "dhi-qar", "maysan", "muthanna")),
    ("Baghdad and southern Iraq", ("baghdad", "dhi-qar", "najaf", "basra")),
    ("central and southern Iraq", ("babil", "karbala", "najaf", "qadisiyyah", "wasit")),
    ("the middle Euphrates", ("babil", "karbala", "najaf", "qadisiyyah")),
)

LANDMARKS = ("a bridge", "the main square", "the provincial council building", "a police station",
             "the governor's office", "a sit-in camp", "a university campus", "a road junction",
             "the office of a political party", "a hospital entrance")

EVENTS = (
    ("Shootings of protesters", "security forces were reported to have opened fire on protesters"),
    ("Attack on a sit-in", "unidentified gunmen were reported to have attacked a sit-in"),
    ("Tear-gas canisters fired at protesters",
     "security forces were reported to have fired tear-gas canisters directly at protesters"),
    ("Clashes at a protest", "clashes were reported between protesters and security forces"),
    ("Abductions of activists", "activists were reported to have been abducted after a protest"),
    ("Burning of a party office", "protesters were reported to have set fire to a party office"),
    ("Night raid on a protest camp", "armed men were reported to have raided a protest camp at night"),
)

# (Latin form, other transliterations, Arabic script)
GIVEN: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Jamil", ("Jameel",), "جميل"), ("Ali", (), "علي"), ("Hussein", ("Husayn", "Hussain"), "حسين"),
    ("Abbas", (), "عباس"), ("Karim", ("Kareem",), "كريم"), ("Qasim", ("Kassem", "Qassim"), "قاسم"),
    ("Haider", ("Hayder", "Haidar"), "حيدر"), ("Mustafa", ("Mostafa",), "مصطفى"),
    ("Falih", ("Faleh",), "فالح"), ("Hadi", (), "هادي"), ("Ahmed", ("Ahmad",), "أحمد"),
    ("Muhammad", ("Mohammed", "Mohamed"), "محمد"), ("Jafar", ("Jaafar",), "جعفر"),
    ("Sadiq", ("Sadeq",), "صادق"), ("Kadhim", ("Kazem", "Kazim"), "كاظم"), ("Saad", (), "سعد"),
    ("Abdul Aziz", ("Abd al-Aziz",), "عبد العزيز"), ("Adel", ("Adil",), "عادل"),
    ("Riyadh", ("Riyad",), "رياض"), ("Tahsin", ("Tahseen",), "تحسين"), ("Nouri", ("Nuri",), "نوري"),
    ("Hamid", ("Hameed",), "حميد"), ("Salih", ("Saleh",), "صالح"), ("Zaid", ("Zayd",), "زيد"),
    ("Yasir", ("Yasser",), "ياسر"), ("Majid", ("Majeed",), "ماجد"), ("Wisam", ("Wissam",), "وسام"),
    ("Laith", ("Layth",), "ليث"), ("Omar", ("Umar",), "عمر"), ("Kamal", (), "كمال"),
)

FAMILY: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("al-Shimiri", ("Shummary", "al-Shammari"), "الشمري"), ("al-Maliki", ("Maliki",), "المالكي"),
    ("al-Amiri", ("Ameri",), "العامري"), ("al-Khazali", ("Khazaali",), "الخزعلي"),
    ("al-Fayyadh", ("Fayyad",), "الفياض"), ("al-Saadi", ("Saedi",), "الساعدي"),
    ("al-Zubaidi", ("Zubaydi",), "الزبيدي"), ("al-Jabiri", ("Jaberi",), "الجابري"),
    ("al-Obeidi", ("Ubaydi",), "العبيدي"), ("al-Hashimi", ("Hashemi",), "الهاشمي"),
    ("al-Musawi", ("Mousawi",), "الموسوي"), ("al-Hakim", ("Hakeem",), "الحكيم"),
    ("al-Tamimi", ("Tamimy",), "التميمي"), ("al-Kaabi", ("Kaabi",), "الكعبي"),
    ("al-Rubaie", ("Rubaiy",), "الربيعي"), ("al-Shibli", ("Shebli",), "الشبلي"),
    ("al-Asadi", ("Assadi",), "الأسدي"), ("al-Mahdawi", ("Mahdawy",), "المهداوي"),
    ("al-Lami", ("Lamy",), "اللامي"), ("al-Hilali", ("Helali",), "الهلالي"),
    ("al-Ghanimi", ("Ghanemi",), "الغانمي"), ("al-Dulaimi", ("Dulaimy",), "الدليمي"),
    ("al-Bayati", ("Bayaty",), "البياتي"), ("al-Ansari", ("Ansary",), "الأنصاري"),
    ("al-Kinani", ("Kenani",), "الكناني"), ("al-Issawi", ("Essawi",), "العيساوي"),
    ("al-Jubouri", ("Jibouri", "al-Juburi"), "الجبوري"), ("al-Rikabi", ("Rekabi",), "الركابي"),
    ("al-Mayahi", ("Mayyahi",), "المياحي"), ("al-Sudani", ("Soudani",), "السوداني"),
)

# Words for organisation names: (Latin, Arabic)
MILITIA_WORDS: tuple[tuple[str, str], ...] = (
    ("Nasr", "النصر"), ("Fath", "الفتح"), ("Haqq", "الحق"), ("Wafa", "الوفاء"),
    ("Thar", "الثأر"), ("Karar", "الكرار"), ("Jihad", "الجهاد"), ("Muntazar", "المنتظر"),
    ("Furqan", "الفرقان"), ("Amal", "الأمل"), ("Quds", "القدس"), ("Tahrir", "التحرير"),
)
MILITIA_FORMS: tuple[tuple[str, str], ...] = (
    ("Kata'ib", "كتائب"), ("Saraya", "سرايا"), ("Liwa", "لواء"), ("Harakat", "حركة"),
)
OUTLET_WORDS = ("Tigris", "Euphrates", "Sumer", "Babylon", "Rafidain", "Crescent", "Gulf", "Levant",
                "Capital", "Southern", "Northern", "Independent", "Evening", "Morning", "Delta", "Meridian")
OUTLET_FORMS = ("News", "Times", "Herald", "Post", "Observer", "Monitor", "Courier", "Tribune",
                "Channel", "Television", "Agency", "Review")

# Claimants who are not named by the source.
UNNAMED = ("police and medical sources", "two Iraqi security officials", "medical sources",
           "a local activist", "hospital staff", "witnesses", "a security source", "incoming reports",
           "protest organisers", "a provincial health official")

SUMMARY_OPENERS = ("Reports describe", "Sources describe", "Accounts describe")
