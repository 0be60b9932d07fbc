"""Stopwords for news Arabic, at matching level (أ→ا, ة→ه, ى→ي already folded).

Hand-made: general Arabic lists miss the reporting verbs and time words that fill
news prose and would otherwise dominate similarity between unrelated articles.
"""

from __future__ import annotations

from .normalize import normalize_match

_RAW = """
في من على الى إلى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين هو هي هم هن انا نحن انت انتم
ان أن إن كان كانت يكون تكون كانوا قد لقد لم لن لا ما ماذا متى اين كيف كم اي أي كل بعض غير بين حتى
او أو ام ثم بل لكن لكن ولكن اذا إذا لو لولا كما عند عندما بعد قبل خلال منذ حول ضد دون تحت فوق امام
أمام وراء حيث حين بينما وقد وكان وكانت وهو وهي ولا وما ومن وفي وعلى والى وإلى وعن ومع وهذا وهذه
فيه فيها منه منها عليه عليها اليه إليه اليها إليها عنه عنها لها له لهم لهن بها به بهم ذات ذو
قال قالت يقول تقول وقال وقالت اضاف أضاف وأضاف اكد أكد وأكد أوضح اوضح وأوضح أشار اشار وأشار
اليوم أمس امس غدا الان الآن حاليا ايضا أيضا كذلك فقط جدا نحو مثل وفق وفقا بحسب حسب عبر لدى لدي
العام الماضي المقبل الجاري يوم عام الى أنه انه أنها انها إنه إنها التي الذي وذلك وأن وان بأن بان لأن
تم يتم وتم سيتم عدد عدة أكثر اكثر أقل اقل اخرى أخرى آخر اخر كلا كلتا احد أحد إحدى احدى
"""

STOPWORDS: frozenset[str] = frozenset(normalize_match(w) for w in _RAW.split())
