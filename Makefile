# Plumbline — `make help` lists the targets.

CC       ?= cc
PKGS      = libsodium libmariadb libpng
WARN      = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter -Wformat=2
BASE      = -std=c11 -D_GNU_SOURCE -I/usr/include/ClearSilver -Ifcgi \
            $$(pkg-config --cflags $(PKGS)) $(WARN)
LIBS      = -pthread -lfcgi -lneo_cgi -lneo_cs -lneo_utl -lhpdf -lqrencode -lz $$(pkg-config --libs $(PKGS))
SAN       = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
# Release and bench builds allocate with tcmalloc: ClearSilver mallocs every
# HDF node, name and value and frees them all after the page (~1,500 a list
# page); glibc spends ~12 % of a worker's time there, tcmalloc a third of it.
# The sanitized build keeps ASan's allocator.
FASTMALLOC = -l:libtcmalloc_minimal.so.4

SRCS      = $(wildcard fcgi/*.c)
HDRS      = fcgi/app.h

# PDF fonts (fcgi/pdf_text.c): DejaVu cut to the characters of the six Windows
# code pages the PDFs draw in (1252, 1250, 1251, 1253, 1254, 1257; € and the
# typographic quotes and dashes are in 1252), without glyph names, layout tables
# or glyph hinting.  libharu copies every table but glyf whole into each PDF, so
# the full fonts cost ~100 KB and ~10 ms a document.  cvt/fpgm/prep stay (small,
# and libharu's loader lists them).  FONTS_DIR is where the binary looks first;
# an installed system sets fonts_dir in its config instead.
FONTS_DIR ?= $(CURDIR)/build/fonts
FONT_SRC  = /usr/share/fonts/truetype/dejavu
FONTS     = build/fonts/DejaVuSans.ttf build/fonts/DejaVuSans-Bold.ttf
FONT_CHARS = U+0020-007E,U+00A0-0107,U+010C-0113,U+0116-011B,U+011E-011F,U+0122-0123,\
U+012A-012B,U+012E-0131,U+0136-0137,U+0139-013E,U+0141-0148,U+014C-014D,U+0150-015B,\
U+015E-0165,U+016A-016B,U+016E-0173,U+0178-017E,U+0192,U+02C6-02C7,U+02D8-02D9,\
U+02DB-02DD,U+0384-0386,U+0388-038A,U+038C,U+038E-03A1,U+03A3-03CE,U+0401-040C,\
U+040E-044F,U+0451-045C,U+045E-045F,U+0490-0491,U+2013-2015,U+2018-201A,U+201C-201E,\
U+2020-2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2116,U+2122
BASE     += -DPL_FONTS_DIR='"$(FONTS_DIR)"'

build/fonts/%.ttf: $(FONT_SRC)/%.ttf Makefile
	@mkdir -p build/fonts
	@echo "FONT $@"; pyftsubset $< --output-file=$@ --unicodes='$(FONT_CHARS)' \
	    --no-glyph-names --layout-features= --name-IDs=1,2,4,6 --notdef-outline \
	    --drop-tables+=GDEF,GPOS,GSUB,kern,gasp,FFTM,MATH \
	    --no-hinting --hinting-tables-=cvt,fpgm,prep

fonts: $(FONTS)  ## the cut PDF fonts in build/fonts

# Release build (what `make run` serves) and the sanitized one (what `make test` serves).
build/plumbline: $(SRCS) $(HDRS) Makefile
	@mkdir -p build
	@echo "CC $@"; $(CC) $(BASE) -O2 -g -o $@ $(SRCS) $(LIBS) $(FASTMALLOC)

build/test/plumbline: $(SRCS) $(HDRS) Makefile
	@mkdir -p build/test
	@echo "CC $@ (sanitizers)"; $(CC) $(BASE) -O1 -g -DARENA_DEBUG $(SAN) -o $@ $(SRCS) $(LIBS)

# `make bench` only: the release build plus the bare FastCGI route (fcgi/bench.c).
build/bench/plumbline: $(SRCS) $(HDRS) Makefile
	@mkdir -p build/bench
	@echo "CC $@ (bench)"; $(CC) $(BASE) -O2 -g -DPLUMBLINE_BENCH -o $@ $(SRCS) $(LIBS) $(FASTMALLOC)

.PHONY: help deps build run test unit fuzz check clean bench fonts

help:            ## list the targets
	@grep -hE '^[a-z-]+:.*## ' Makefile tests/unit/unit.mk | sed -E 's/:[^#]*## /\t/' | expand -t 16

deps:            ## install what is missing (Debian packages; npm packages for tests)
	@tools/deps

build: deps build/plumbline fonts  ## build the server

run: deps build/plumbline fonts   ## start the whole stack with demo data on PORT (default 8080)
	@tools/stack run

test: ## build with sanitizers and run every test on a throwaway stack
	@tools/deps --test
	@$(MAKE) --no-print-directory build/test/plumbline build/plumbline fonts
	@tests/run

bench: ## measure pages and PDFs against nginx, bare FastCGI and plain PHP (~7 min)
	@t0=$$(date +%s) && tools/deps --bench && \
	$(MAKE) --no-print-directory build/bench/plumbline build/plumbline fonts && \
	tools/bench && echo "make bench: $$(($$(date +%s) - t0)) s in all (deps, build, runs)"

check:           ## static checks only (templates, SQL scoping, config)
	@tests/run --checks-only

clean:           ## remove build output
	rm -rf build

-include tests/unit/unit.mk
