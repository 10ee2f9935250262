# Unit tests (check) and fuzz targets (libFuzzer) for the pure parts of fcgi/.
#
# Included by the top Makefile.  It may set CC, CFLAGS (strict warnings and
# the sanitizers), LDFLAGS and BUILD; without them the test build's own
# flags below apply and BUILD is build/test.  Paths are relative to the top
# of the tree.  The fcgi sources needed are listed here, not taken
# from the application's object list, so the runner links without the
# database, templates or libfcgi.
#
#   make unit            build $(BUILD)/unit/run_unit and run it
#   make fuzz            build the fuzzers, run each for FUZZ_SECONDS
#   make fuzz-regress    replay every corpus file once (quick; make test)
#   make fuzz-build      build the fuzzers only

BUILD		?= build/test
UNIT_WARN	:= -Wall -Wextra -Werror -Wshadow -Wpointer-arith \
		   -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
UNIT_SAN	:= -fsanitize=address,undefined -fno-omit-frame-pointer \
		   -fno-sanitize-recover=all
# The top Makefile's CFLAGS when it sets them, else the test build's own.
UNIT_CFLAGS	?= $(if $(strip $(CFLAGS)),$(CFLAGS),-std=c11 -D_GNU_SOURCE \
		   -O1 -g $(UNIT_WARN) $(UNIT_SAN))

UNIT_DIR	:= $(BUILD)/unit
UNIT_RUNNER	:= $(UNIT_DIR)/run_unit
UNIT_FCGI	:= fcgi/form.c fcgi/valid.c fcgi/arena.c fcgi/buf.c fcgi/money.c fcgi/fmt.c \
		   fcgi/route.c fcgi/csv.c fcgi/tz.c fcgi/job_status.c fcgi/doc_compare.c
UNIT_TESTS	:= tests/unit/run_unit.c tests/unit/util.c \
		   tests/unit/test_arena.c tests/unit/test_buf.c \
		   tests/unit/test_form.c tests/unit/test_money.c tests/unit/test_route.c \
		   tests/unit/test_valid.c tests/unit/test_csv.c \
		   tests/unit/test_tz.c tests/unit/test_jobs.c tests/unit/test_compare.c
UNIT_OBJS	:= $(patsubst %.c,$(UNIT_DIR)/%.o,$(UNIT_FCGI) $(UNIT_TESTS))
CHECK_CFLAGS	:= $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS	:= $(shell pkg-config --libs check 2>/dev/null || echo -lcheck)

# libFuzzer needs clang whatever CC is.  ARENA_DEBUG gives every arena
# allocation its own malloc, so ASan sees an overflow of any parsed field.
FUZZ_CC		?= clang
FUZZ_CFLAGS	?= -std=c11 -D_GNU_SOURCE -g -O1 $(UNIT_WARN) -DARENA_DEBUG \
		   -fsanitize=fuzzer,address,undefined \
		   -fno-sanitize-recover=undefined
FUZZ_SECONDS	?= 30
FUZZ_DIR	:= $(BUILD)/fuzz
FUZZ_TARGETS	:= urlencoded cookies multipart utf8 csv
FUZZ_BINS	:= $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZ_TARGETS))
FUZZ_FCGI	:= fcgi/form.c fcgi/arena.c fcgi/buf.c fcgi/csv.c

.PHONY: unit unit-build fuzz fuzz-build fuzz-regress

unit: $(UNIT_RUNNER) ## C unit tests (check), sanitizers on
	$(UNIT_RUNNER)

unit-build: $(UNIT_RUNNER)

$(UNIT_RUNNER): $(UNIT_OBJS)
	$(CC) $(UNIT_CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJS) $(CHECK_LIBS)

$(UNIT_DIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(UNIT_CFLAGS) $(CHECK_CFLAGS) -Ifcgi -Itests/unit -MMD -MP -c $< -o $@

-include $(UNIT_OBJS:.o=.d)

fuzz-build: $(FUZZ_BINS)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_FCGI) fcgi/app.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Ifcgi -o $@ $< $(FUZZ_FCGI)

# New inputs go to $(FUZZ_DIR)/corpus/<target>; the committed seeds are
# read only.  A crash leaves its input as $(FUZZ_DIR)/crash-* : copy it to
# tests/fuzz/corpus/<target>/ once fixed.
fuzz: $(FUZZ_BINS) ## run every libFuzzer target for FUZZ_SECONDS (30)
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/corpus/$$t; \
		echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
		$(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
		    -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/ \
		    $(FUZZ_DIR)/corpus/$$t tests/fuzz/corpus/$$t; \
	done

fuzz-regress: $(FUZZ_BINS) ## replay the fuzz corpora once
	@set -e; for t in $(FUZZ_TARGETS); do \
		$(FUZZ_DIR)/fuzz_$$t -runs=0 tests/fuzz/corpus/$$t \
		    2>$(FUZZ_DIR)/regress_$$t.log || \
		    { cat $(FUZZ_DIR)/regress_$$t.log; exit 1; }; \
		echo "fuzz_$$t: $$(ls tests/fuzz/corpus/$$t | wc -l) inputs ok"; \
	done
