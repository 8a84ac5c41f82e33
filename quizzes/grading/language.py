"""The small words grading reads in each shipped language: "and" and "or", articles, negation,
filler and the connectors of a range of spinal levels. English always applies as well, since
answers are graded against the learner's language and English.

Phrases are written as people type them; matching folds them the way it folds answers.
"""

from __future__ import annotations

SOURCE_LANGUAGE = "en"

# The word for "and": a list separator.
AND_WORDS = {"en": ("and",), "es": ("y", "e"), "fr": ("et",), "ar": ("و",)}
# The word for "or": a list separator too, but what follows it is an alternative, so in a text
# answer it names a second candidate.
OR_WORDS = {"en": ("or",), "es": ("o", "u"), "fr": ("ou",), "ar": ("أو", "او")}

# Articles and the commonest prepositions: they never change which item a learner means.
ARTICLES = {
    "en": ("a", "an", "the"),
    "es": ("el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "de", "del"),
    "fr": ("le", "la", "les", "l", "un", "une", "des", "de", "du", "d"),
    "ar": (),
}

# Words that only say where or what kind ("the neck area", "la zona lumbar", "a tingling
# sensation"). Like the words of the question, they may stand around an answer but are no
# answer on their own.
GENERIC_WORDS = {
    "en": ("area", "region", "part", "zone", "sensation", "sensations", "feeling", "feelings"),
    "es": ("zona", "región", "parte", "área", "sensación", "sensaciones"),
    "fr": ("zone", "région", "partie", "sensation", "sensations", "impression"),
    "ar": ("منطقة", "جزء", "إحساس", "احساس", "شعور"),
}

# Words for pain: beside an answer they say it hurts ("lumbar spinal stenosis pain"), they never
# make it another known thing (quizzes.grading.matching: Matcher._blended).
PAIN_WORDS = {
    "en": ("pain", "pains", "ache", "aches", "aching", "sore", "soreness"),
    "es": ("dolor", "dolores", "molestia", "molestias"),
    "fr": ("douleur", "douleurs", "mal", "maux"),
    "ar": ("ألم", "آلام", "وجع", "أوجاع"),
}

# Negation removes what it negates: the next thing the answer names ("not sciatica",
# "sin ciática", "pas la sciatique", "ليس عرق النسا"), and so does "except" / "other than"
# ("sauf", "hormis", "menos", "باستثناء", "سوى"). Contractions fold into two words ("isn't" ->
# "isn t"), so their first half is listed. "non" negates only the word after it
# (WORD_NEGATIONS below): "non-specific low back pain" is low back pain. A phrase ("instead of",
# "en vez de") negates what follows it; its first word alone negates nothing ("en" is "in").
# Articles fold away inside phrases: French "à part" is matched as "part" (English "a" is an
# article), so the French phrases with "part" that negate nothing are filler below.
NEGATIONS = {
    "en": (
        "not", "no", "none", "never", "neither", "nor", "without", "except", "excluding",
        "isn", "aren", "wasn", "weren", "don", "doesn", "didn", "non",
        # The whole contraction, so its "t" is no word after the negation ("…, but it isn't").
        "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
        "instead of", "rather than", "other than", "apart from", "aside from",
        "anything but", "anyone but", "anybody but", "everything but", "everyone but",
        "everybody but", "nothing like", "far from", "not at all", "not really", "no way",
        "not quite", "nope", "I don't think so", "don't think so", "of course not",
        "anywhere but", "outside", "outside of",
        # An answer named, then rejected ("sciatica was ruled out", "a neurologist is not
        # needed"), or named by what it is not ("the opposite of sciatica").
        "wrong", "incorrect", "ruled out", "not needed", "unnecessary", "not necessary",
        "isn't right", "not right", "isn't correct", "not correct", "avoid", "no need for",
        "no need to", "opposite of", "different from", "different than", "isn't needed",
        "is not needed",
        # An answer taken back ("…, scratch that", "I was wrong"). A joke owned up to takes
        # back what came before it, a "no" as well: "a neurologist? no, I'm kidding, a
        # neurologist" keeps the last one.
        "take that back", "scratch that", "never mind", "nevermind", "I'm kidding",
        "just kidding", "I'm joking", "just joking", "only joking", "jk",
    ),
    "es": (
        "no", "ni", "sin", "nunca", "jamás", "tampoco", "excepto", "salvo", "menos",
        "aparte de", "a excepción de", "con excepción de", "exceptuando", "quitando",
        "en vez de", "en lugar de", "nada que ver con", "nada parecido a", "para nada",
        "qué va", "ni hablar", "no realmente", "en absoluto", "de ninguna manera",
        "lejos de", "claro que no", "creo que no", "fuera de",
        "ningún", "ninguna", "nada de", "ni de broma", "otra cosa que", "algo distinto de",
        "algo distinto a", "distinto de", "distinto a", "diferente de", "diferente a",
        "lo contrario de", "contrario a", "evitar", "evite", "evita", "incorrecto",
        "incorrecta", "equivocado", "equivocada", "descartado", "descartada", "no hace falta",
        "no es necesario", "innecesario", "descartamos", "descarto", "incorrectos",
        "incorrectas", "equivocados", "equivocadas", "retiro lo dicho", "me equivoqué",
        "me equivoco", "olvídalo", "no es eso", "no es así", "está mal", "están mal", "es falso",
        "es falsa", "son falsos", "son falsas", "es broma", "es una broma", "era broma",
        "era una broma", "estoy bromeando", "bromeo",
    ),
    "fr": (
        "ne", "n", "pas", "non", "ni", "sans", "jamais", "aucun", "aucune", "sauf", "excepté",
        "hormis", "à part", "mis à part", "autre que", "autre qu’", "en dehors de",
        "en dehors d’", "à l’exception de", "à l’exception d’",
        "au lieu de", "au lieu d", "plutôt que", "plutôt qu", "rien à voir avec",
        "pas du tout", "pas vraiment", "pas question", "absolument pas", "loin de",
        "loin d’être", "bien sûr que non", "je ne pense pas", "hors de", "hors du",
        "autre chose que", "autre chose qu", "différent de", "différent d", "différente de",
        "différente d", "le contraire de", "le contraire d", "contraire de", "contraire d",
        "l’opposé de", "l’opposé d", "éviter", "évitez", "inutile de", "inutile d",
        "pas besoin de", "pas besoin d", "incorrect", "incorrecte", "exclu", "exclue",
        "écarté", "écartée", "l’inverse de", "l’inverse d", "inverse de", "incorrects",
        "incorrectes", "je retire", "je me suis trompé", "je me suis trompée", "je me trompe",
        "pas ça", "pas cela", "c’est faux", "est faux", "est fausse", "sont faux", "sont fausses",
        "tous faux", "toutes fausses", "je plaisante", "je rigole", "je blague",
        "c’est une blague", "c’était une blague",
    ),
    "ar": (
        "ليس", "ليست", "لست", "ليسوا", "غير", "لا", "بدون", "دون", "لم", "لن", "مش", "مو", "عدا",
        "ما عدا", "ماعدا", "فيما عدا", "باستثناء", "سوى", "خلاف", "بخلاف",
        "بدلا من", "بدلاً من", "بدل", "عوضا عن", "عوضاً عن", "أبدا", "أبدًا", "إطلاقا",
        "إطلاقًا", "على الإطلاق", "بالتأكيد لا", "خارج",
        # "Except" on its own (after "anyone", "all"); after a negation it means "only" (NO_ONE).
        "إلا", "الا", "بلا", "بلاش", "مستحيل", "مب", "موب", "موش", "مهوش", "ماهوش", "مهيش",
        "لاء", "خطأ", "خاطئ", "غلط", "غير صحيح", "ليس صحيحا", "ليس صحيحًا", "مش ضروري",
        "غير ضروري", "تجنب", "مستبعد", "مختلف عن", "أتراجع", "كنت مخطئا", "كنت مخطئًا",
        "كنت مخطئ", "أخطأت", "ليس كذلك", "مش كده", "مو كذا", "أمزح", "بمزح", "كنت أمزح",
        "أمزح فقط", "بهزر", "أنا أمزح",
    ),
}  # fmt: skip

# A belief given up: said after an answer, these take back the whole answer typed before
# them, not only its last item ("L4, L5, S1, not anymore", "ciática, ya no"). They negate as
# NEGATIONS do, so they are listed there too.
WITHDRAWALS = {
    # And a joke owned up to ("L4, L5, S1, just kidding").
    "en": (
        "not anymore", "not any more", "no longer", "no more", "so I thought", "so I believed",
        "I'm kidding", "just kidding", "I'm joking", "just joking", "only joking", "jk",
    ),
    "es": (
        "ya no", "ya no es", "ya no lo creo", "eso creía", "eso pensaba", "es broma",
        "es una broma", "era broma", "era una broma", "estoy bromeando", "bromeo",
    ),
    "fr": (
        # Not "je le croyais": the article folds away and leaves "je croyais", a past belief.
        "plus maintenant", "n’est plus", "ne l’est plus", "plus du tout", "je plaisante",
        "je rigole", "je blague", "c’est une blague", "c’était une blague",
    ),
    "ar": (
        "لم يعد", "لم تعد", "لم أعد", "ما عاد", "ما عادت", "ليس بعد الآن", "هكذا ظننت", "أمزح",
        "بمزح", "كنت أمزح", "أمزح فقط", "بهزر", "أنا أمزح",
    ),
}  # fmt: skip
# Past beliefs: they open an answer the learner held before ("I thought it was L5", "je pensais
# L5", "creía que era L5", "كنت أظن L5"). Filler on their own; with a negation after the answer
# ("…, but it isn't", "mais non", "pero no", "لكن لا") the whole answer is given up.
PAST_BELIEFS = {
    "en": (
        "I thought", "I thought that", "I used to think", "used to think", "I believed",
        "I used to believe", "I was thinking", "I had thought", "I'd thought", "at first I thought",
    ),
    "es": (
        "creía", "creía que", "yo creía", "yo creía que", "pensaba", "pensaba que",
        "antes pensaba", "antes creía", "creí", "creí que", "pensé", "pensé que",
    ),
    "fr": (
        "je pensais", "je pensais que", "je croyais", "je croyais que", "j’ai cru",
        "j’ai cru que", "j’avais cru", "avant je pensais", "au début je pensais",
    ),
    "ar": (
        "كنت أظن", "كنت أظن أن", "كنت أظن أنه", "كنت أظن أنها", "كنت أعتقد", "كنت أعتقد أن",
        "كنت أعتقد أنه", "ظننت", "ظننت أن", "ظننت أنه", "ظننت أنها", "اعتقدت", "اعتقدت أن",
        "اعتقدت أنه",
    ),
}  # fmt: skip
# Cause and effect inside one piece: "X causing Y" and "Y caused by X" name Y as the effect of
# X. Where the question asks for causes ("causes of foraminal stenosis"), an answer named as an
# effect ("foraminal stenosis causing degenerative disc disease") is not given as a cause. Not
# the nouns ("the cause is…", "la causa es…"): only verbs and prepositions of causing. A verb
# spelled like the noun counts after a relative pronoun ("qui cause", "que causa").
CAUSING = {
    "en": (
        "causing", "caused", "leads to", "leading to", "led to", "results in", "resulting in",
        "produces", "producing", "triggers", "triggering", "brings on", "bringing on",
        "which causes", "that causes", "which cause", "that cause",
    ),
    "es": (
        "causando", "provoca", "provocando", "produce", "produciendo", "lleva a", "conduce a",
        "origina", "desencadena", "que causa", "que causan",
    ),
    "fr": (
        "causant", "provoque", "provoquant", "entraîne", "entraînant", "mène à", "menant à",
        "produit", "déclenche", "qui cause", "qui causent",
    ),
    "ar": ("يسبب", "تسبب", "يسبب في", "يؤدي إلى", "تؤدي إلى", "مسببا", "مسببة", "ينتج عنه"),
}  # fmt: skip
CAUSED_BY = {
    "en": (
        "caused by", "due to", "because of", "resulting from", "result of", "brought on by",
        "secondary to", "triggered by", "produced by",
    ),
    "es": (
        "causada por", "causado por", "causadas por", "causados por", "debida a", "debido a",
        "provocada por", "provocado por", "a causa de", "por culpa de", "secundaria a",
        "secundario a", "producida por", "producido por",
    ),
    "fr": (
        "causée par", "causé par", "causées par", "causés par", "due à", "dû à", "dues à",
        "dus à", "provoquée par", "provoqué par", "à cause de", "suite à", "secondaire à",
        "produite par", "produit par",
    ),
    "ar": ("بسبب", "ناتج عن", "ناتجة عن", "الناتج عن", "الناتجة عن", "الناجم عن", "ناجم عن"),
}  # fmt: skip
# The prompt's words that ask for causes (every prompt is in English too): what squeezes a
# nerve is what causes its pain ("Which muscle … can squeeze the sciatic nerve?").
CAUSE_WORDS = ("cause", "causes", "squeeze", "squeezes", "compress", "compresses")

# Words for "all" before a negation at the end ("L4, L5 and S1 are all wrong", "L4 و L5 و S1
# كلها خطأ"): the negation takes back every item of the answer.
ALL_WORDS = {
    # and the plural of "to be": "L4, L5 and S1 are wrong" says it of them all.
    "en": (
        "all",
        "both",
        "all of them",
        "all three",
        "each",
        "every one",
        "them all",
        "are",
        "were",
    ),
    "es": ("todos", "todas", "ambos", "ambas", "los tres", "las tres", "todo", "son", "eran"),
    "fr": ("tous", "toutes", "les deux", "les trois", "tout", "sont", "étaient"),
    "ar": ("كلها", "كلهم", "جميعها", "جميعهم", "كلاهما", "الكل", "كله"),
}

# Verdicts that say it of the whole list before them: in the plural ("están mal", "sont
# faux", "incorrectas") or, where the word marks no number, bare ("L4, L5 and S1 wrong", "L4 و
# L5 و S1 غلط"). At the end of an answer they take back every item, as a word for "all" does;
# after a word of the singular ("S2 is wrong", "S2 est faux") only the last. English "not"
# last and bare is one too ("L4, L5, S1 not", the "…, not!" that takes a statement back):
# English puts the "not" of one item before it ("not S2"). Not "no": "L4, L5, S1, S2 no" says
# no to S2, as "S2 no", "S2 non" do in Spanish and French.
VERDICTS = {
    "en": ("wrong", "incorrect", "false", "not right", "not correct", "not"),
    "es": (
        "están mal", "son falsos", "son falsas", "incorrectos", "incorrectas", "equivocados",
        "equivocadas", "mal",
    ),
    "fr": ("faux", "fausses", "sont faux", "sont fausses", "incorrects", "incorrectes"),
    "ar": ("غلط", "خطأ", "خاطئ", "غير صحيح"),
}  # fmt: skip
# Verdicts that are words of their own elsewhere ("mal de espalda", "mal posicionado"): a
# verdict only last in a piece, right after what it judges or alone ("L4, L5, S1: mal",
# "ciática mal").
END_VERDICTS = {"en": (), "es": ("mal",), "fr": (), "ar": ()}
ONE_FRAMES = {
    "en": ("is", "was", "s"),
    "es": ("es", "era", "está", "estaba"),
    "fr": ("est", "était"),
    "ar": ("هو", "هي"),
}

# "Except" after "nobody" keeps only what follows: "nobody except a neurologist", "nadie salvo
# el neurólogo", "personne d’autre qu’un neurologue", "ne consulter qu’un neurologue" (French
# "ne … que" is "only"), "لا أحد سوى طبيب الأعصاب", "لا يشخصه إلا طبيب الأعصاب". A word of
# NO_ONE opens such an "only"; a word of BUT_ONLY then names what is kept, and neither negates.
NO_ONE = {
    "en": ("nobody", "no one", "noone", "none", "nothing", "no other"),
    "es": ("nadie", "ninguno", "ninguna", "ningún otro", "ninguna otra", "nada"),
    "fr": ("personne", "nul", "aucun", "aucune", "rien", "ne", "n"),
    "ar": (
        "لا أحد",
        "لا",
        "ما",
        "ليس",
        "ليست",
        "لم",
        "لن",
        "مافي",
        "ما في",
        "ماحد",
        "ما حد",
        "محد",
        "مافيش",
        "مفيش",
    ),
}
BUT_ONLY = {
    "en": ("except", "but", "other than", "apart from", "aside from", "save"),
    "es": ("excepto", "salvo", "menos", "aparte de", "a excepción de", "sino", "que"),
    "fr": ("sauf", "excepté", "hormis", "à part", "autre que", "autre qu’", "que", "qu"),
    "ar": ("سوى", "غير", "إلا", "الا", "عدا", "ما عدا", "ماعدا", "باستثناء"),
}  # fmt: skip

# Filler: hedges and frames around an answer. Ignored wherever they stand; an item that is only
# filler is no item at all. Longer phrases win over the negation inside them ("not sure").
# "But" names nothing: it is filler too, so a hedge after it ("…, but I'm not sure") is no
# item, while the negation after it still negates ("X but not Y").
FILLER = {
    "en": (
        "I think", "I believe", "I guess", "I suppose", "I'd say", "I would say",
        "I'd go with", "I'm not sure", "not sure", "though", "not sure though", "it's", "it is",
        "its", "it's called", "it is called", "that's", "that is", "this is", "they are",
        "they're", "the answer is", "my answer is", "answer", "probably", "maybe", "perhaps",
        "possibly", "likely",
        "most likely", "definitely", "surely", "certainly", "obviously", "of course",
        "no doubt", "called", "known as", "would be", "should be", "must be", "you should see",
        "see", "consult", "go to", "but", "I'm not 100% sure", "not 100% sure",
        "I'm not certain", "not certain", "I think so", "I reckon", "I'm guessing",
        "if I remember correctly", "well", "so", "hmm", "um", "uh", "ok", "okay",
        "I don't know", "don't know", "dunno", "no idea", "isn't it", "aren't they", "right",
        "nobody else", "no one else", "nothing else", "that's it", "not only", "but also",
        "according to the lesson", "according to the factsheet", "according to the text",
        "I hope", "is it not", "no doubt about it", "for sure", "I'd say so", "I think so",
        "especially", "particularly", "mainly", "mostly", "above all", "in particular",
        "in my opinion", "if you ask me", "actually", "wait", "hold on", "oh",
        # An answer said again ("sciatica, like I said").
        "like I said", "as I said", "like I say", "as I say", "as I said before",
        "like I said before",
    ),
    "es": (
        "creo que", "creo", "pienso que", "supongo que", "me parece que", "diría que",
        "yo diría", "es", "son", "sería", "se llama", "se llaman", "llamado", "llamada",
        "la respuesta es", "respuesta", "probablemente", "quizás", "quizá", "tal vez",
        "a lo mejor", "seguramente", "posiblemente", "sin duda", "no estoy seguro",
        "no estoy segura", "no sé", "obviamente", "claro", "consultar a", "consultar", "ir al",
        "acudir al", "al menos", "por lo menos", "pero", "supongo", "me parece", "pienso",
        "diría", "creo yo", "me imagino", "imagino", "no estoy 100% seguro",
        "no estoy 100% segura", "bueno", "pues", "vale", "eh", "verdad", "no lo sé",
        "nadie más", "nada más", "eso es todo", "no solo", "no sólo", "sino también",
        "según la lección", "según el texto", "eso creo", "creo que sí", "ni más ni menos",
        "sin duda alguna", "sin ninguna duda", "espero", "es decir", "esto es",
        "en otras palabras", "especialmente", "sobre todo", "principalmente", "en particular",
        "por supuesto", "en mi opinión", "para mí", "en realidad", "de hecho", "espera",
        "como dije", "como he dicho", "como te dije", "como decía", "lo que dije",
    ),
    "fr": (
        "je pense que", "je pense", "je crois que", "je crois", "c’est", "ce sont",
        "ce serait", "il s’agit de", "il s’agit", "probablement", "peut-être", "sans doute",
        "sûrement", "certainement", "à mon avis", "je dirais", "on l’appelle", "ça s’appelle",
        "la réponse est", "réponse", "je ne suis pas sûr", "je ne suis pas sûre",
        "je ne sais pas", "consulter", "aller voir", "voir", "n’importe qui", "n’importe quoi",
        "n’importe quel", "n’importe quelle", "n’importe où", "quelque part", "d’autre part",
        "pour ma part",
        "mais", "il me semble", "il me semble que", "je suppose", "je suppose que", "pas sûr",
        "pas sûre", "je ne suis pas certain", "je ne suis pas certaine", "on dirait",
        "si je me souviens bien", "bon", "eh bien", "ben", "alors", "euh", "bah",
        "n’est-ce pas", "hein", "c’est ça", "rien d’autre", "personne d’autre", "voilà",
        "non seulement", "pas seulement", "mais aussi", "selon la leçon", "d’après la leçon",
        "selon le texte", "j’espère", "sans aucun doute", "ni plus ni moins", "je crois bien",
        "évidemment", "bien sûr", "bien entendu", "surtout", "particulièrement", "notamment",
        "principalement", "c’est-à-dire", "selon moi", "pour moi", "en fait", "enfin",
        "attends", "attendez", "comme je l’ai dit", "comme je disais", "comme j’ai dit",
        "je l’ai dit",
    ),
    "ar": (
        "أعتقد", "أعتقد أن", "أعتقد أنه", "أعتقد أنها", "أظن", "أظن أن", "أظن أنه", "أظن أنها",
        "ربما", "غالبًا", "على الأرجح", "من المحتمل", "بالتأكيد", "طبعًا", "هو", "هي",
        "الجواب", "الجواب هو", "الإجابة", "الإجابة هي", "يسمى", "تسمى", "اسمه", "اسمها",
        "لست متأكدًا", "لست متأكدة", "لا أعرف", "بلا شك", "مراجعة", "زيارة", "لكن", "لكنه",
        "على ما أظن", "على ما أعتقد", "لست متأكد", "غير متأكد", "غير متأكدة", "مش متأكد",
        "في رأيي", "حسب علمي", "حسنا", "حسنًا", "طيب", "يعني", "أليس كذلك", "صح", "صحيح",
        "ليس فقط", "بل أيضا", "بل أيضًا", "حسب الدرس", "حسب النص", "بالطبع", "أكيد",
        "خاصة", "خصوصا", "خصوصًا", "لا سيما", "بالأخص", "أي", "برأيي", "حسب رأيي",
        "في الحقيقة", "بالحقيقة", "انتظر", "لحظة", "كما قلت", "مثل ما قلت", "زي ما قلت",
        "كما ذكرت",
    ),
}  # fmt: skip

# In a text answer, a piece that opens with one of these gives a reason or a purpose for the
# answer before it ("a neurologist, because they test the nerves"): like detail, it is no second
# answer, unless it names one. Only reasons and purposes: "according to me", "for me", "which
# is", "due to" may just as well bring in another answer.
CLAUSES = {
    "en": ("because", "since", "in order to", "so that", "so as to", "to"),
    "es": ("porque", "ya que", "puesto que", "dado que", "para que", "a fin de", "para"),
    "fr": (
        "parce que", "parce qu", "car", "puisque", "afin de", "afin d", "pour qu", "pour que",
        "pour",
    ),
    "ar": ("لأن", "لأنه", "لأنها", "لانه", "لكي", "كي"),
}  # fmt: skip

# "Rather X than Y" keeps X and negates Y ("plutôt un neurologue qu’un podologue"): a word of
# RATHER before a word of THAN makes that word a negation. ("X rather than Y" is a negation
# phrase above.)
RATHER = {"en": ("rather",), "es": ("más bien",), "fr": ("plutôt",), "ar": ()}
THAN = {"en": ("than",), "es": ("que",), "fr": ("que", "qu"), "ar": ()}

# Beside the back, words that place the pain above its lower part ("back pain at the top",
# "dolor de espalda alta", "mal de dos au milieu", "ألم الظهر من فوق"): the upper back.
# Not beside words of the lower back ("the middle of the lower back"); "moyen" is left out, since
# "mal de dos moyen" says how much it hurts.
UPPER_POSITIONS = {
    "en": ("top", "upper", "high", "higher", "mid", "middle"),
    "es": (
        "alta", "alto", "altas", "altos", "arriba", "encima", "superior", "superiores", "media",
        "medio", "medias", "medios", "mitad",
    ),
    "fr": (
        "haut", "haute", "hauts", "hautes", "hauteur", "milieu", "supérieur", "supérieure",
        "supérieurs", "supérieures", "médian", "médiane",
    ),
    "ar": (
        "فوق", "أعلى", "الأعلى", "العلوي", "العلوية", "علوي", "علوية", "العليا", "عليا", "وسط",
        "الوسط", "منتصف", "الأوسط", "أوسط", "الوسطى", "وسطى", "الفوقاني", "فوقاني",
        "الفوقانية", "النص",
    ),
}  # fmt: skip

# Words that place something beside a region, not in it: "below the neck" is the upper back,
# "encima del cuello" the head. Before a region that answers the question, the answer is not
# given (matching.Matcher._beside).
BESIDE = {
    "en": (
        "below", "under", "beneath", "underneath", "above", "over", "near", "beside",
        "lower than", "higher than", "next to", "close to",
    ),
    "es": (
        "debajo", "bajo", "encima", "arriba", "cerca", "junto", "junto al", "junto a", "lado",
        "más abajo", "más arriba",
    ),
    "fr": ("sous", "dessous", "dessus", "près", "côté", "plus bas que", "plus haut que"),
    "ar": ("تحت", "فوق", "قرب", "بجانب", "جنب", "بالقرب من", "قريب من", "قريبة من"),
}  # fmt: skip

# Words that only sharpen a position ("just below the skull", "justo debajo de la cabeza").
POSITION_FILLERS = {
    "en": ("just", "right", "directly", "immediately", "slightly"),
    "es": ("justo", "justo por", "inmediatamente", "por"),
    "fr": ("juste", "juste en", "en", "au", "immédiatement"),
    "ar": ("مباشرة", "تماما", "تمامًا"),
}  # fmt: skip

# Words that keep a word of position from meaning the upper back: the lower back said in the
# same piece ("the middle of the lower back"), or how much it hurts ("high intensity").
NOT_UPPER = {
    "en": ("lower", "low", "below", "under", "beneath", "bottom", "intensity", "severity"),
    "es": (
        "baja", "bajo", "inferior", "debajo", "abajo", "lumbar", "lumbares", "intensidad",
        "gravedad",
    ),
    "fr": (
        "bas", "basse", "inférieur", "inférieure", "dessous", "sous", "lombaire", "lombaires",
        "intensité", "gravité",
    ),
    "ar": ("أسفل", "السفلي", "السفلى", "تحت", "القطني", "القطنية", "شدة", "الشدة"),
}  # fmt: skip

# The words that frame a negation before it ("it isn't", "ce n'est pas", "إنه ليس"): they go
# with it. Other words before a negation stay (they may name a second answer).
NEGATION_FRAMES = {
    "en": (
        "it", "that", "this", "he", "she", "they", "is", "are", "was", "would", "do", "does",
        "i", "say", "s",
    ),
    "es": ("es", "eso", "esto", "yo", "diría", "son", "era"),
    "fr": (
        "ce", "c", "cela", "ça", "il", "elle", "je", "dirais", "est", "serait", "s", "sont",
        "ils", "elles",
    ),
    "ar": ("إنه", "انه", "إنها", "انها", "هو", "هي", "هذا", "هذه", "ذلك"),
}  # fmt: skip

# Words that lead to a place ("in the calves", "dans les pieds", "في القدمين"): a piece of only
# places the question is about may hold them.
PLACE_LEADS = {
    "en": ("in", "on", "at", "of", "into", "down", "to", "up"),
    "es": ("en", "a", "al", "hasta", "por"),
    "fr": ("dans", "sur", "à", "au", "aux", "en", "jusqu’aux", "jusqu’au"),
    "ar": ("في", "على", "إلى", "الى"),
}  # fmt: skip

# A region after one of these is where a symptom comes from, not where it is ("tingling from
# the lower back down to the feet"): it places nothing.
ORIGINS = {
    "en": ("from",),
    "es": ("desde",),
    "fr": ("depuis", "partant de", "venant de", "venant du"),
    "ar": ("من",),
}

# Words that add a second answer in the same breath ("a neurologist plus an anesthesiologist",
# "un neurólogo además de un fisioterapeuta"): what follows them is a second answer, also when
# the course does not know it.
JOINERS = {
    "en": ("plus", "as well as", "along with", "together with", "then", "vs", "versus", "besides"),
    "es": ("más", "además de", "junto con", "así como", "luego", "versus"),
    "fr": ("plus", "ainsi que", "de même que", "puis", "ensuite", "versus"),
    "ar": ("ثم", "بالإضافة إلى", "بالإضافة الى", "إضافة إلى", "وكذلك", "كذلك"),
}  # fmt: skip

# Words that stand for more answers not named ("and others"): after the word for "and", a piece
# of their own, and so a second answer ("طبيب الأعصاب وغيره").
OTHERS = {
    "en": ("others", "etc"),
    "es": ("otros", "otras", "etc"),
    "fr": ("autres", "etc"),
    "ar": ("غيره", "غيرهم", "غيرها", "غير ذلك"),
}

# Writings about a subject ("a book about neurology", "un livre de neurologie", "un libro de
# neurología", "a neurology textbook"): an answer named as what they are about is not given. The
# field alone ("neurology") may name its specialist; a book about it names a book. Only words
# that mean nothing else in an answer ("course" is also "of course", "cours" "au cours de").
WRITINGS = {
    "en": (
        "book", "books", "textbook", "textbooks", "article", "articles", "magazine",
        "magazines",
    ),
    "es": ("libro", "libros", "artículo", "artículos", "revista", "revistas"),
    "fr": ("livre", "livres", "bouquin", "bouquins", "article", "articles", "revue", "revues"),
    "ar": ("كتاب", "الكتاب", "مقال", "مقالة", "مجلة"),
}  # fmt: skip
# Words that may stand between a writing and its subject ("about", "sobre", "sur", "عن"); the
# articles and "de" fold away.
ABOUT = {
    "en": ("about", "on", "of", "in"),
    "es": ("sobre", "acerca", "en"),
    "fr": ("sur", "propos", "en", "au", "sujet"),
    "ar": ("عن", "حول", "في"),
}

# Negations of the one word after them ("a non-neurologist", "non-sciatic pain"), not of
# what follows it ("non-specific low back pain" is low back pain).
# So do words that make it a fake ("a fake neurologist", "un falso neurólogo", "un faux
# neurologue", "an ex-neurologist").
WORD_NEGATIONS = {
    "en": ("non", "fake", "unqualified", "ex", "former", "pseudo", "false", "quack", "bogus"),
    "es": ("falso", "falsa", "seudo", "pseudo", "ex"),
    "fr": ("non", "faux", "fausse", "fausses", "pseudo", "ex"),
    "ar": ("مزيف", "مزيفة", "عكس"),
}

# A range of spinal levels: "L4–S1", "L4 to S1", "L4 through S1", "from L4 to S1",
# "de L4 a S1", "de L4 à S1", "desde L4 hasta S1", "من L4 إلى S1", "between L4 and S1".
RANGE_TO = (
    "up to", "down to", "to", "through", "thru", "till", "until", "a", "al", "hasta", "à", "au",
    "jusqu’à",
    "jusqu'à", "jusqu’au", "إلى", "الى", "حتى",
)  # fmt: skip
RANGE_FROM = ("from", "de", "del", "desde", "du", "des", "من")
RANGE_BETWEEN = ("between", "entre", "بين")


# Spinal levels by ordinal and region: "the fourth and fifth lumbar", "primera sacra",
# "quatrième racine lombaire", "القطني الرابع" (quizzes.grading.text). Every language's words
# apply, as spinal levels do in any language.
ORDINALS = {
    1: (
        "first", "1st", "primera", "primero", "primer", "1ª", "1º", "1a", "1o", "premier",
        "première", "premiere", "1er", "1re", "1ère", "1ere", "الأول", "الأولى", "أول",
    ),
    2: (
        "second", "2nd", "segunda", "segundo", "2ª", "2º", "2a", "2o", "deuxième", "deuxieme",
        "seconde", "2e", "2ème", "2eme", "الثاني", "الثانية", "ثاني",
    ),
    3: (
        "third", "3rd", "tercera", "tercero", "tercer", "3ª", "3º", "3a", "3o", "troisième",
        "troisieme", "3e", "3ème", "3eme", "الثالث", "الثالثة", "ثالث",
    ),
    4: (
        "fourth", "4th", "cuarta", "cuarto", "4ª", "4º", "4a", "4o", "quatrième", "quatrieme",
        "4e", "4ème", "4eme", "الرابع", "الرابعة", "رابع",
    ),
    5: (
        "fifth", "5th", "quinta", "quinto", "5ª", "5º", "5a", "5o", "cinquième", "cinquieme",
        "5e", "5ème", "5eme", "الخامس", "الخامسة", "خامس",
    ),
}  # fmt: skip
# Words that may stand between ordinals and their region: "the fourth lumbar nerve root" is L4,
# and so is "la quatrième racine lombaire".
LEVEL_NOUNS = (
    "the", "el", "la", "los", "las", "le", "les", "l", "nerve", "nerves", "root", "roots",
    "spinal", "vertebra", "vertebrae", "raíz", "raíces", "nervio", "nervios", "vértebra",
    "vértebras", "espinal", "racine", "racines", "nerf", "nerfs", "vertèbre", "vertèbres",
    "rachidienne", "rachidiennes", "الجذر", "جذر", "الجذور", "العصب", "الفقرة", "فقرة",
)  # fmt: skip


def for_language(table: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    """The words of `table` for `language`, then English's it lacks."""
    own = table.get(language, ())
    return own + tuple(word for word in table.get(SOURCE_LANGUAGE, ()) if word not in own)
