"""From typed text to what matching compares: folding, words, spinal levels, and the pieces a
typed answer splits into.

- Text is compared after NFKC, casefolding, accent folding and punctuation folding; invisible
  formatting characters (Unicode Cf) are removed, not turned into spaces, and so are Arabic
  vowel marks (harakat) and tatweel, before anything splits; articles ("the",
  "el", "les", a joined "ال"…) do not count.
- Answers split into pieces on , ، ; / & + new lines and the words for "and" and "or" in the
  learner's language and English ("and/or", "y/o", "et/ou" too). A known phrase that holds one
  of those words ("pins and needles") is kept whole. An Arabic و joined to a known word or to
  the article ("والصيدلي") is "and" as when typed apart; a word beginning with و (وتر) is not.
- Spinal levels normalize: "l 4", "L-4" -> L4; "L4/5" -> L4, L5; "L4–S1", "L4 through S1",
  "from L4 to S1", "de L4 a S1", "between L4 and S1", "بين L4 وS1" -> L4, L5, S1; "l4 l5 s1"
  is three items; "the fourth and fifth lumbar", "primera sacra", "القطني الرابع" and the "5"
  of "L4, 5 and S1" are levels too; a level glued to an Arabic word ("إلىS1") is a word of its
  own. Where levels are not what the question asks for, a range stays one piece of detail ("a
  herniated disc at L4/L5").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from quizzes.grading import language as lang

LIST_SEPARATORS = r"[,،;؛/&+\n\r\uf8ff]+"
SENTENCE_SEPARATORS = re.compile(r"[;؛\n\r]")
# A question mark with more after it ends a question the learner asks and answers ("no pain in
# L4? no: L4, L5, S1"): the answer is a piece of its own. At the end it stays ("ciática, ¿no?").
QUESTION_END = re.compile(r"([?؟])(?=[^\S\n]*[^\s?؟])")
# Stands for the word "or" while splitting, so the piece after it is known as an alternative.
OR_MARK = "\uf8ff"
# Phrases kept whole while splitting stand in as one private-use character each.
PLACEHOLDER_BASE = 0xE000
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
ARABIC_AND = "و"
ARABIC_ARTICLE = "ال"

# Spinal levels: the letter of the region, then the number (C1–7, T1–12, L1–5, S1–5).
LEVEL_ORDER = (
    [f"C{n}" for n in range(1, 8)]
    + [f"T{n}" for n in range(1, 13)]
    + [f"L{n}" for n in range(1, 6)]
    + [f"S{n}" for n in range(1, 6)]
)
LEVEL_TOKEN = re.compile(r"[clts]\d{1,2}")
# Where Arabic letters meet Latin letters or digits inside a word.
SCRIPT_BOUNDARY = re.compile(
    r"(?<=[\u0600-\u06ff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u0600-\u06ff])"
)
# Arabic-Indic and Eastern Arabic-Indic digits read as the digits they are ("L٤" is L4).
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Arabic vowel marks (harakat, Quranic annotation marks) and tatweel: spelling aids, never part
# of which word is meant. Removed before splitting, since `re` reads a mark as no word
# character and would cut "وَخْز" (tingling) at it.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
# Letters typed several ways: hamza forms of alef, alef maqsura, taa marbuta, and the Persian
# yeh and keheh a Persian or Urdu keyboard gives for ي and ك.
ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ـ": None}
)
# A region spelled out before its number is that level: "lumbar 4" is L4, "sacrée 1" is S1,
# "القطنية 4" is L4. Matched folded (accents, ة/ه), with or without the Arabic article.
REGION_LETTERS = {
    "C": ("cervical", "cervicale", "عنقية", "عنقي", "رقبية", "رقبي"),
    "T": ("thoracic", "torácica", "thoracique", "صدرية", "صدري"),
    "L": ("lumbar", "lumbares", "lombaire", "lombaires", "قطنية", "قطني"),
    "S": (
        "sacral",
        "sacra",
        "sacras",
        "sacro",
        "sacros",
        "sacre",
        "sacrée",
        "sacrées",
        "عجزية",
        "عجزي",
    ),
}
REGION_WORD = re.compile(r"(?<!\w)([^\W\d_]+)\s*(\d{1,2})(?!\d)")


# --- folding ----------------------------------------------------------------------------------


def visible(text: str) -> str:
    """`text` without invisible formatting characters (Unicode category Cf): a zero-width space
    inside "L\u200b4" or a soft hyphen inside "metatar\u00adsalgia" joins, it never splits."""
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def unmarked(text: str) -> str:
    """`text` in NFKC without invisible formatting characters, Arabic vowel marks and tatweel
    (a hamza or madda mark composes with its letter first: "ا" + hamza above is "أ")."""
    return ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", visible(text)))


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """NFKC, casefold, accents and Arabic letter variants folded, punctuation to spaces."""
    text = unmarked(text).translate(DIGITS).casefold().translate(ARABIC_LETTERS)
    text = "".join(char if char.isalnum() else " " for char in _without_accents(text))
    return " ".join(text.split())


def words(text: str, language: str) -> tuple[str, ...]:
    """The words that matching compares: folded, without articles (incl. a joined ال)."""
    articles = _articles(language)
    tokens = []
    folded = fold(text).split()
    for index, token in enumerate(folded):
        if token == ARABIC_AND and index + 1 < len(folded):
            folded[index + 1] = ARABIC_AND + folded[index + 1]  # "و الأعصاب" is "والأعصاب"
            continue
        if token in articles:
            continue
        if token.startswith(ARABIC_ARTICLE) and len(token) > 3:
            token = token[len(ARABIC_ARTICLE) :]
        tokens.append(token)
    return tuple(tokens)


@cache
def _articles(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in lang.for_language(lang.ARTICLES, language))


@cache
@cache
def phrases(table_name: str, language: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of one table of `language` (language.NEGATIONS, FILLER…) as folded words."""
    table = getattr(lang, table_name)
    found = {words(phrase, language) for phrase in lang.for_language(table, language)}
    return tuple(sorted((tokens for tokens in found if tokens), key=len, reverse=True))


@cache
def phrase_set(table_name: str, language: str) -> frozenset[str]:
    """The same phrases, each as one string of its folded words."""
    return frozenset(" ".join(tokens) for tokens in phrases(table_name, language))


@cache
def list_words(language: str) -> frozenset[str]:
    """Folded words that split a list in `language`: "and" and "or", and English's."""
    found = {
        fold(word)
        for table in (lang.AND_WORDS, lang.OR_WORDS)
        for word in lang.for_language(table, language)
    }
    return frozenset(found | {ARABIC_AND})


def is_level(token: str) -> bool:
    """Whether a folded word is a spinal level ("l4")."""
    return bool(LEVEL_TOKEN.fullmatch(token)) and token.upper() in LEVEL_ORDER


# Short words whose accent makes them another word: Spanish "uña" (nail) is no "una" (an
# article), French "où" (where) is no "ou" (or). They keep it while a list is split.
KEEP_ACCENTS = re.compile("[ñÑ]")
KEEP_WORDS = frozenset({"où"})


def _plain_short_words(text: str) -> str:
    """Accents off short Latin words ("ánd", "ý", "Ĺ4"), so list words and spinal levels are
    found whatever the accents; longer words keep theirs, as feedback shows them."""

    def plain(match: re.Match) -> str:
        if KEEP_ACCENTS.search(match.group()) or match.group().casefold() in KEEP_WORDS:
            return match.group()
        word = _without_accents(match.group())
        latin = word.removeprefix(ARABIC_AND)  # "وŚ1" is "و" joined to "S1"
        return word if latin.isascii() and len(latin) <= 3 else match.group()

    return re.sub(r"\w+", plain, text)


# --- spinal levels ----------------------------------------------------------------------------


def _alternatives(words_: Iterable[str]) -> str:
    spelled = {_plain_short_words(word) for word in words_}
    return "|".join(re.escape(word) for word in sorted(spelled, key=len, reverse=True))


_LEVEL = r"([cltsCLTS])\s*[-.]?\s*(\d{1,2})"
_END = r"(?:([cltsCLTS])\s*[-.]?\s*)?(\d{1,2})\b"
_FROM = rf"(?:(?<!\w)(?:{_alternatives(lang.RANGE_FROM)})\s+)?"
_THROUGH = rf"(?:\s*[-–—]\s*|\s+(?:{_alternatives(lang.RANGE_TO)})\s+)"
_ANY_AND = _alternatives(word for found in lang.AND_WORDS.values() for word in found)
_AND = rf"(?:\s+(?:{_ANY_AND})\s+|\s*و\s*)"
LEVEL_RANGE = re.compile(rf"{_FROM}(?<![^\W\d_]){_LEVEL}{_THROUGH}{_END}", re.IGNORECASE)
LEVEL_BETWEEN = re.compile(
    rf"(?<!\w)(?:{_alternatives(lang.RANGE_BETWEEN)})\s+{_LEVEL}{_AND}{_END}", re.IGNORECASE
)
LEVEL_PAIR = re.compile(rf"(?<![^\W\d_]){_LEVEL}\s*/\s*(\d{{1,2}})\b")
LEVEL_SLASH = re.compile(rf"(?<![^\W\d_]){_LEVEL}\s*/\s*{_LEVEL}\b")
LEVEL = re.compile(rf"(?<![^\W\d_]){_LEVEL}\b")
# A bare number listed after a level is the next level of its region: "L4, 5 and S1", "L4 5
# S1" (not "L4, 3 times a week": the number must end an item or come before a level).
_ANY_OR = _alternatives(word for found in lang.OR_WORDS.values() for word in found)
LEVEL_NEXT = re.compile(
    rf"(?<![^\W\d_]){_LEVEL}(\s*,\s*(?:(?:{_ANY_AND})\s+)?|{_AND}|\s+)(\d{{1,2}})\b"
    rf"(?![.,]\d)(?=\s*(?:$|[,;/&+.)]|(?:{_ANY_AND}|{_ANY_OR})(?!\w)|[CLTSclts]\d))",
    re.IGNORECASE,
)
JOINED_LEVELS = re.compile(r"(?:(?<=\b[clts]\d)|(?<=\b[clts]\d\d))(?=[clts]\d)", re.IGNORECASE)
LEVEL_RUN = re.compile(r"(?:(?<=\b[CLTS]\d)|(?<=\b[CLTS]\d\d))\s+(?=[CLTS]\d{1,2}\b)")


def _level_name(letter: str, number: str) -> str | None:
    name = f"{letter.upper()}{int(number)}"
    return name if name in LEVEL_ORDER else None


@cache
def _region_letters() -> dict[str, str]:
    return {fold(word): letter for letter, found in REGION_LETTERS.items() for word in found}


def _region_level(match: re.Match) -> str:
    """A region word and its number as the level ("القطنية 4" -> "L4"); a joined Arabic و
    stays "and" before it ("وقطنية 5" -> "و L5"); anything else unchanged."""
    word, number = fold(match.group(1)), match.group(2)
    readings = [(word, "")]
    if word.startswith(ARABIC_AND) and len(word) > 2:
        readings.append((word[1:], f"{ARABIC_AND} "))
    letters = _region_letters()
    for region, before in readings:
        letter = letters.get(region) or letters.get(region.removeprefix(ARABIC_ARTICLE))
        level = _level_name(letter, number) if letter else None
        if level:
            return before + level
    return match.group(0)


def _region_letter(word: str) -> str | None:
    """The level letter of a folded region word ("lumbar", "القطني"), if it is one."""
    letters = _region_letters()
    return letters.get(word) or letters.get(word.removeprefix(ARABIC_ARTICLE))


@cache
def _ordinal_numbers() -> dict[str, int]:
    found = {fold(word): number for number, words_ in lang.ORDINALS.items() for word in words_}
    # Arabic ordinals come with and without the article ("الرابع", "رابع").
    found |= {word.removeprefix(ARABIC_ARTICLE): n for word, n in list(found.items())}
    return found


@cache
def _level_nouns() -> frozenset[str]:
    return frozenset(fold(word) for word in lang.LEVEL_NOUNS)


@cache
def _and_words() -> frozenset[str]:
    return frozenset(fold(word) for found in lang.AND_WORDS.values() for word in found)


WORD_SPAN = re.compile(r"\w+")
ARTICLE_WORDS = frozenset({"the", "el", "la", "los", "las", "le", "les", "l"})
# What may stand between two words of an ordinal level: spaces, a comma, a hyphen; between an
# ordinal and its region, only spaces or a hyphen ("first, lumbar…" is no level).
ORDINAL_GAP = re.compile(r"[\s,&-]*")
SPACE = re.compile(r"[\s-]*")


@lru_cache(maxsize=1 << 14)
def _folded_word(word: str) -> str:
    return fold(word)


class _Word(NamedTuple):
    """One word of a text, as an ordinal level reads it: `kind` ORDINAL (`value` its number),
    REGION (`value` the level letter), AND, NOUN or "" (anything else); `before` is "و "
    when a joined Arabic و came off it."""

    kind: str
    value: int | str | None = None
    before: str = ""


ORDINAL, REGION, AND, NOUN = "ordinal", "region", "and", "noun"


def _ordinal_word(word: str, ordinals: dict[str, int]) -> _Word:
    readings = [(word, "")]
    if word.startswith(ARABIC_AND) and len(word) > 2:
        readings.append((word[1:], f"{ARABIC_AND} "))
    for bare, before in readings:
        if bare in ordinals:
            return _Word(ORDINAL, ordinals[bare], before)
        if letter := _region_letter(bare):
            return _Word(REGION, letter, before)
    if word in _and_words():
        return _Word(AND)
    return _Word(NOUN if word in _level_nouns() else "")


def _ordinal_levels(text: str, joiner: str) -> str:
    """Levels named by ordinal and region, either way round: "the fourth and fifth lumbar"
    -> "L4, L5"; "primera sacra" -> "S1"; "القطني الرابع والخامس" -> "L4, L5". An Arabic و
    joined to the first word stays "and" before the levels."""
    ordinals = _ordinal_numbers()
    spans = [(m.start(), m.end(), _folded_word(m.group())) for m in WORD_SPAN.finditer(text)]
    if not any(word in ordinals for _, _, word in spans):
        return text
    read = [_ordinal_word(word, ordinals) for _, _, word in spans]
    last_index = len(spans) - 1

    def joined(index: int, gap: re.Pattern = ORDINAL_GAP) -> bool:
        """Nothing but `gap` between this word and the next."""
        return gap.fullmatch(text[spans[index][1] : spans[index + 1][0]]) is not None

    def next_is(index: int, kind: str, gap: re.Pattern = SPACE) -> bool:
        return index < last_index and joined(index, gap) and read[index + 1].kind == kind

    def ordinal_run(index: int) -> tuple[list[int], int]:
        """The numbers of a run of ordinals from `index` ("fourth, fifth and sixth") and the
        index of its last ordinal."""
        numbers, last, at = [read[index].value], index, index
        while at < last_index and joined(at) and read[at + 1].kind in (ORDINAL, AND, NOUN):
            at += 1
            if read[at].kind == ORDINAL:
                numbers.append(read[at].value)
                last = at
        return numbers, last

    replaced, cursor, index = [], 0, 0
    while index <= last_index:
        word, found = read[index], None
        if word.kind == ORDINAL:  # "the fourth and fifth lumbar (nerve root)"
            numbers, at = ordinal_run(index)
            while next_is(at, NOUN):
                at += 1
            if next_is(at, REGION):
                found = (numbers, read[at + 1].value, at + 1)
        elif word.kind == REGION and next_is(index, ORDINAL) and not read[index + 1].before:
            numbers, last = ordinal_run(index + 1)  # "القطني الرابع والخامس"
            found = (numbers, word.value, last)
        names = [_level_name(found[1], str(number)) for number in found[0]] if found else []
        if found and all(names):
            start = index
            # An article before the levels goes with them: "from the fourth lumbar to the
            # first sacral" is "from L4 to S1", a range.
            if start and spans[start - 1][2] in ARTICLE_WORDS and joined(start - 1, SPACE):
                start -= 1
            replaced += [text[cursor : spans[start][0]], word.before, joiner.join(names)]
            cursor, index = spans[found[2]][1], found[2] + 1
            continue
        index += 1
    return "".join(replaced) + text[cursor:]


def normalize_levels(text: str, *, as_items: bool = True) -> str:
    """Spell spinal levels as codes and expand ranges ("L4–S1" -> "L4, L5, S1"). With
    `as_items` false the levels of a range or pair stay together ("L4 L5 S1"), as detail."""
    joiner = ", " if as_items else " "

    def expand(match: re.Match) -> str:
        letter, first, end_letter, last = match.groups()
        start = _level_name(letter, first)
        end = _level_name(end_letter or letter, last)
        if not start or not end:
            return match.group(0)
        # Either way round: "S1–L4" names the same levels as "L4–S1".
        low, high = sorted((LEVEL_ORDER.index(start), LEVEL_ORDER.index(end)))
        levels = LEVEL_ORDER[low : high + 1]
        # A range of a whole region (the neck's "C1 to C7") is one place, written one way; any
        # other long range names each of its levels ("C1–S1": 25, most of them wrong) where
        # levels are the items asked for.
        whole_region = len(levels) > 6 and levels[0][0] == levels[-1][0]
        if len(levels) <= 6 or (as_items and not whole_region):
            return joiner.join(levels)
        return f"{levels[0]}-{levels[-1]}"

    def pair(match: re.Match) -> str:
        letter, first, second = match.groups()
        names = [_level_name(letter, first), _level_name(letter, second)]
        return joiner.join(names) if all(names) else match.group(0)

    def slash(match: re.Match) -> str:
        names = [_level_name(*match.groups()[:2]), _level_name(*match.groups()[2:])]
        return " ".join(names) if all(names) else match.group(0)

    def next_level(match: re.Match) -> str:
        letter, number, between, following = match.groups()
        names = [_level_name(letter, number), _level_name(letter, following)]
        return f"{names[0]}{between}{names[1]}" if all(names) else match.group(0)

    def single(match: re.Match) -> str:
        return _level_name(*match.groups()) or match.group(0)

    text = _ordinal_levels(text, joiner)
    text = REGION_WORD.sub(_region_level, text)
    text = LEVEL_BETWEEN.sub(expand, text)
    text = LEVEL_RANGE.sub(expand, text)
    text = LEVEL_PAIR.sub(pair, text)
    listed = None
    while listed != text:  # each pass names one more number of a list ("L3, 4 and 5")
        listed, text = text, LEVEL_NEXT.sub(next_level, text)
    if not as_items:
        text = LEVEL_SLASH.sub(slash, text)  # "L4/L5" names one place, not two items
    return LEVEL.sub(single, text)


# --- splitting into pieces --------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """One item of a typed answer. `alternative`: it followed the word "or". `new_sentence`:
    it followed a semicolon, a new line or a question mark, so a negation of the list before
    it ends there ("not C1; L4, L5, S1")."""

    text: str
    alternative: bool = False
    new_sentence: bool = False


def _shadow(text: str) -> str:
    """`text` folded character by character (same length), to find phrases in it."""
    shadowed = []
    for char in text:
        folded = _without_accents(char).casefold().translate(ARABIC_LETTERS)
        shadowed.append(folded if len(folded) == 1 else char.lower()[:1] or char)
    return "".join(shadowed)


def _token_pattern(token: str) -> str:
    if token.isascii():
        return re.escape(token)
    if token.startswith(ARABIC_AND) and len(token) > 2:
        # A joined و may be typed apart: "المخ والأعصاب", "المخ و الأعصاب".
        rest = re.escape(token[1:].removeprefix(ARABIC_ARTICLE))
        return rf"{ARABIC_AND}\s*(?:{ARABIC_ARTICLE})?{rest}"
    return rf"(?:{ARABIC_ARTICLE})?{re.escape(token)}"


@cache
def _phrase_pattern(tokens: tuple[str, ...], language: str) -> re.Pattern:
    articles = "|".join(re.escape(article) for article in sorted(_articles(language)))
    gap = rf"[\W_]+(?:(?:{articles})[\W_]+)*" if articles else r"[\W_]+"
    parts = [_token_pattern(token) for token in tokens]
    return re.compile(rf"(?<!\w){gap.join(parts)}(?!\w)")


def as_typed(text: str, tokens: Sequence[str], language: str) -> str:
    """The words `tokens` (folded) as they were typed in `text` ("النقرس" for "نقرس",
    "neurólgo" for "neurolgo"), for feedback; the folded words when they cannot be found."""
    if tokens:
        found = _phrase_pattern(tuple(tokens), language).search(_shadow(text))
        if found:
            return text[found.start() : found.end()]
    return " ".join(tokens)


def _keep_phrases(text: str, kept: Sequence[tuple[str, ...]], language: str):
    """Replace each known phrase found in `text` by a placeholder; return the text and the
    phrases' original spellings, in placeholder order."""
    originals: list[str] = []
    shadow = _shadow(text)
    for tokens in kept:
        if len(originals) >= PRIVATE_USE_SLOTS:
            break
        # Most known phrases are nowhere in an answer: skip them before building a pattern.
        if not all(_bare(token) in shadow for token in tokens):
            continue
        for match in reversed(list(_phrase_pattern(tokens, language).finditer(shadow))):
            if PRIVATE_USE.search(shadow, match.start(), match.end()):
                continue  # overlaps a phrase kept already
            originals.append(text[match.start() : match.end()])
            placeholder = chr(PLACEHOLDER_BASE + len(originals) - 1)
            text = text[: match.start()] + placeholder + text[match.end() :]
            shadow = shadow[: match.start()] + placeholder + shadow[match.end() :]
    return text, originals


def _bare(token: str) -> str:
    """A folded word as it must appear in the folded text (a joined و may be typed apart)."""
    return token[1:] if token.startswith(ARABIC_AND) and len(token) > 2 else token


PRIVATE_USE_SLOTS = 0xF800 - PLACEHOLDER_BASE


def _restore(text: str, originals: list[str]) -> str:
    if not originals:
        return text
    return PRIVATE_USE.sub(
        lambda m: (
            originals[ord(m.group()) - PLACEHOLDER_BASE]
            if ord(m.group()) - PLACEHOLDER_BASE < len(originals)
            else ""
        ),
        text,
    )


def split_pieces(
    text: str,
    language: str = "en",
    *,
    levels_are_items: bool = True,
    kept: Sequence[tuple[str, ...]] = (),
    after_and: Callable[[], Collection[str]] = frozenset,
) -> list[Piece]:
    """Split one typed answer into pieces on list separators and the words for "and" and
    "or". `kept`: phrases (as folded words) that hold a list word and stay whole.
    `after_and`: gives the known words (folded, without the article) that an Arabic و joined
    to them makes "and" + that word; asked only of a text that holds a و."""
    text = unmarked(text).translate(DIGITS)
    text = QUESTION_END.sub("\\1\n", text)
    text = _plain_short_words(PRIVATE_USE.sub("", text))
    text, originals = _keep_phrases(text, kept, language)
    # Arabic script glued to a Latin letter or a digit is two words ("وS1", "إلىS1", "منL4"):
    # a joined و is then "and" as a word of its own, and a range is read before "and" splits
    # ("بين L4 وS1" is L4, L5, S1). Joined to an Arabic word it is left to the matcher, since
    # و also begins words (وتر).
    text = SCRIPT_BOUNDARY.sub(" ", text)
    text = _split_joined_and(text, after_and)
    # Levels typed with nothing between them are a list too: "L4L5S1".
    joined = None
    while joined != text:  # each pass frees one level of a run ("L4L5S1" takes two)
        joined, text = text, JOINED_LEVELS.sub(" ", text)
    text = normalize_levels(text, as_items=levels_are_items)
    if levels_are_items:
        text = LEVEL_RUN.sub(", ", text)  # a run of levels separated only by spaces: "l4 l5 s1"
    text = _replace_words(text, _split_words(lang.AND_WORDS, language), ",")
    text = _replace_words(text, _split_words(lang.OR_WORDS, language), OR_MARK)
    parts = re.split(f"({LIST_SEPARATORS})", text)
    pieces = []
    for index in range(0, len(parts), 2):
        before = parts[index - 1] if index else ""
        piece = _restore(parts[index], originals).strip()
        if fold(piece):
            pieces.append(
                Piece(
                    piece,
                    alternative=OR_MARK in before,
                    new_sentence=bool(SENTENCE_SEPARATORS.search(before)),
                )
            )
    return pieces


JOINED_AND = re.compile(rf"(?<!\w){ARABIC_AND}(\w+)")


def _split_joined_and(text: str, after_and: Callable[[], Collection[str]]) -> str:
    """A و joined to a known word, or to the article and a word of three letters or more
    ("والصيدلي", and the pharmacist), set apart as the word "and"; a word that begins with و
    (وخز, tingling; وتر, tendon) stays whole, as `after_and` leaves out what follows its و."""
    if ARABIC_AND not in text:
        return text
    known = after_and()

    def split(match: re.Match) -> str:
        rest = fold(match.group(1))
        bare = rest[len(ARABIC_ARTICLE) :] if rest.startswith(ARABIC_ARTICLE) else rest
        if rest in known or bare in known or (rest != bare and len(bare) >= 3):
            return f"{ARABIC_AND} {match.group(1)}"
        return match.group(0)

    return JOINED_AND.sub(split, text)


def split_items(text: str, language: str = "en", **options) -> list[str]:
    """Split one typed answer into items (see split_pieces)."""
    return [piece.text for piece in split_pieces(text, language, **options)]


def _split_words(table: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    found = list(lang.for_language(table, language))
    if table is lang.AND_WORDS and language != "ar":
        found.append(ARABIC_AND)  # "L4 و L5" reads as a list in any language
    return tuple(found)


def _replace_words(text: str, found: Sequence[str], by: str) -> str:
    pattern = r"(?<!\w)(?:" + "|".join(re.escape(word) for word in sorted(found)) + r")(?!\w)"
    return re.sub(pattern, by, text, flags=re.IGNORECASE)
