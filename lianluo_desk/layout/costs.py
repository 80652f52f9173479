"""Every tuned number of the layout, with its unit and the reason it has this value.

Each has a test of its own in ``tests/test_costs.py`` that sets a case the number
decides and fails when the number changes; the golden traces guard the whole."""

from __future__ import annotations

# -- inline: breaking a paragraph into lines ---------------------------------------------

# pt: widths closer than this are equal (sums of float advances on the 28-cell grid)
EPS = 0.01

# fraction of the available width a line may be tightened by rather than push a
# character: two digits (16 pt) after 27 cells need 0.2 pt more than the grid leaves,
# and Word keeps them on the line (0.004 of 442 pt is 1.8 pt: room for that and for
# the golden traces' cases, which hold it at this value)
SHRINK = 0.004

# clusters: how far past the natural break an unbreakable run of marks may reach and
# still be pulled onto the line by compressing marks; a longer run is pushed. In
# practice compression never frees room for more than the first, so any value from 1
# sets the same lines (6,000 random runs of marks tried); 0 would push every mark
PULL_RUN = 3

# -- titles: where a title of two or three lines breaks -----------------------------------

# characters either side of the even split a title line break may move
TITLE_REACH = 6
# cost of breaking inside a word (选举任 | 免): more than any distance in reach
TITLE_IN_WORD = 8.0
# cost of a break between words that is not after a particle, a name's end or before a
# number: a break there is allowed, a good one preferred over two characters of balance
TITLE_PLAIN = 3.5
# what keeping an organisation's full name or a clause on one line is worth
TITLE_KEPT_NAME = 2.0
# a first line shorter than the even split costs this more: longer lines come first
TITLE_SHORT_FIRST = 0.5
# cost of a break inside a paired mark (“飞航杯”, 《…法》, （…）) or a Latin word or number
# that fits a line: a name split over two lines reads as two, so a break outside it wins
# however far from the even split the lines allow (a distance of at most a line, 20, and
# a word's 8 below this); a name longer than a line breaks as any text does
TITLE_IN_PAIR = 100.0

# -- words: segmenting a title into words ------------------------------------------------

# log-probability below the lexicon's rarest word given to a character it lacks, so a
# known word always wins over characters taken one by one
WORD_UNKNOWN_BELOW = 5.0

# -- flow: a keep-together chain at a page foot ----------------------------------------

# lines: a chain kept together (a heading over its first lines, a title) that misses
# the page by at most this many makes room by setting paragraphs before it one line
# shorter (compressed marks); one that misses by more moves whole to the next page, as
# tightening most of a page for it would change lines the editor has already read
KEEP_ROOM_LINES = 5
# paragraphs tried, last first, for each line the chain needs, and a few more besides:
# some paragraphs at a page's end have no mark to compress and cannot be set shorter
KEEP_ROOM_TRIES_PER_LINE = 3
KEEP_ROOM_TRIES_EXTRA = 2
