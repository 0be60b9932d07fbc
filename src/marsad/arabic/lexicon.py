"""Words that are parts of proper names and must never be stemmed or clitic-split.

A seed list of frequent news names (people, places, bodies) whose first letter looks
like a clitic (ب ف ل ك و) or whose ending looks like a suffix. The NER gazetteers
extend it at run time through ``marsad.nlp.gazetteers``; this module has no imports
so the Arabic core stays independent of the rest of the package.
"""

NAME_WORDS = """
بوتين بوتن فلاديمير لافروف فرنسا فنزويلا بريطانيا بلجيكا بغداد بيروت باريس برلين بكين بكين لندن ليبيا
لبنان لاهاي كابول كوريا كندا كينيا كوبا واشنطن وارسو فيينا فيتنام باكستان بنغلاديش بولندا البرتغال
البرازيل بيسكوف بايدن بلينكن ليبرمان فيصل فهد فؤاد بندر بدر لؤي كريم كمال كامل وليد وائل
وزير فلسطين فلسطينيه فرح فاطمه بشار بشير بلال بكر لطيفه ليلى كاظم كيم كيري
""".split()
