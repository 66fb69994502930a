"""The English stop words the issue model reads claims without: scikit-learn's list, as plain data.

``ENGLISH_STOP_WORDS`` is ``sklearn.feature_extraction.text.ENGLISH_STOP_WORDS`` (scikit-learn's copy of the
Glasgow Information Retrieval Group's list, http://ir.dcs.gla.ac.uk/resources/linguistic_utils/stop_words;
BSD-3-Clause), the list graphkit's issue model has always been fitted with (`graphkit.issue_learning`). It is copied
here so that applying a kept issue model, and counting a claim's content words, do not import scikit-learn: the
import costs about 1 CPU s (three quarters of it SciPy's statistics and pandas, which scikit-learn loads whatever
is used), which a rebuild of a few articles paid for 318 words. tests/test_stopwords.py checks that the copy is
still scikit-learn's.

``FUNCTION_WORDS`` are the words that say nothing of what a claim is about (`graphkit.issue_model.says_nothing`):
spaCy's English stop words (``spacy.lang.en.stop_words.STOP_WORDS``, MIT licence, a copy of the same Glasgow list with
some of its content words taken out, "bill", "fire", "system", "interest", "detail", "describe", "find", "mill", and
the auxiliaries' and reporting verbs' forms put in, "does", "did", "say", "make"), with the auxiliaries neither list
holds ("having", "shall", "ought"). It still holds content words: "amount", "name", "serious", "empty", "side",
"front", "top", "bottom", "part", "move", "show", "call" and the number words, so "the name" or "a serious amount"
say nothing by it.
Copied for the same reason; tests/test_stopwords.py checks that the copy is still spaCy's.

>>> len(ENGLISH_STOP_WORDS), "the" in ENGLISH_STOP_WORDS, "tax" in ENGLISH_STOP_WORDS
(318, True, False)
>>> "bill" in ENGLISH_STOP_WORDS, "bill" in FUNCTION_WORDS, "say" in FUNCTION_WORDS
(True, False, True)
"""

# The list is scikit-learn's ``ENGLISH_STOP_WORDS`` (sklearn/feature_extraction/_stop_words.py); its licence, which this
# notice keeps:
#
# BSD 3-Clause License
#
# Copyright (c) 2007-2026 The scikit-learn developers.
# All rights reserved.
#
# Redistribution and use in source and binary forms, with or without
# modification, are permitted provided that the following conditions are met:
#
# * Redistributions of source code must retain the above copyright notice, this
#   list of conditions and the following disclaimer.
#
# * Redistributions in binary form must reproduce the above copyright notice,
#   this list of conditions and the following disclaimer in the documentation
#   and/or other materials provided with the distribution.
#
# * Neither the name of the copyright holder nor the names of its
#   contributors may be used to endorse or promote products derived from
#   this software without specific prior written permission.
#
# THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
# AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
# IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
# DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
# FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
# DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
# SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
# CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
# OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
# OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

from __future__ import annotations

ENGLISH_STOP_WORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also although always am among
amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at back be became
because become becomes becoming been before beforehand behind being below beside besides between beyond bill both
bottom but by call can cannot cant co con could couldnt cry de describe detail do done down due during each eg eight
either eleven else elsewhere empty enough etc even ever every everyone everything everywhere except few fifteen
fifty fill find fire first five for former formerly forty found four from front full further get give go had has
hasnt have he hence her here hereafter hereby herein hereupon hers herself him himself his how however hundred i ie
if in inc indeed interest into is it its itself keep last latter latterly least less ltd made many may me meanwhile
might mill mine more moreover most mostly move much must my myself name namely neither never nevertheless next nine
no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our
ours ourselves out over own part per perhaps please put rather re same see seem seemed seeming seems serious several
she should show side since sincere six sixty so some somehow someone something sometime sometimes somewhere still
such system take ten than that the their them themselves then thence there thereafter thereby therefore therein
thereupon these they thick thin third this those though three through throughout thru thus to together too top
toward towards twelve twenty two un under until up upon us very via was we well were what whatever when whence
whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole
whom whose why will with within without would yet you your yours yourself yourselves
""".split())

# spaCy's English ``STOP_WORDS`` (spacy/lang/en/stop_words.py, spaCy 3.8); its licence, which this notice keeps:
#
# The MIT License (MIT)
#
# Copyright (C) 2016-2024 ExplosionAI GmbH, 2016 spaCy GmbH, 2015 Matthew Honnibal
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
# THE SOFTWARE.

SPACY_STOP_WORDS = frozenset("""
'd 'll 'm 're 's 've a about above across after afterwards again against all almost alone along already also although
always am among amongst amount an and another any anyhow anyone anything anyway anywhere are around as at back be
became because become becomes becoming been before beforehand behind being below beside besides between beyond both
bottom but by ca call can cannot could did do does doing done down due during each eight either eleven else elsewhere
empty enough even ever every everyone everything everywhere except few fifteen fifty first five for former formerly
forty four from front full further get give go had has have he hence her here hereafter hereby herein hereupon hers
herself him himself his how however hundred i if in indeed into is it its itself just keep last latter latterly least
less made make many may me meanwhile might mine more moreover most mostly move much must my myself n't name namely
neither never nevertheless next nine no nobody none noone nor not nothing now nowhere n‘t n’t of off often on once one
only onto or other others otherwise our ours ourselves out over own part per perhaps please put quite rather re really
regarding same say see seem seemed seeming seems serious several she should show side since six sixty so some somehow
someone something sometime sometimes somewhere still such take ten than that the their them themselves then thence
there thereafter thereby therefore therein thereupon these they third this those though three through throughout thru
thus to together too top toward towards twelve twenty two under unless until up upon us used using various very via
was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever
whether which while whither who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves ‘d ‘ll ‘m ‘re ‘s ‘ve ’d ’ll ’m ’re ’s ’ve
""".split())

#: the words that say nothing of a topic (module docstring): spaCy's stop words and the auxiliaries' forms they leave
#: out
FUNCTION_WORDS = SPACY_STOP_WORDS | {"having", "shall", "ought"}
