# Plumbline — `make help` lists the targets.

CC       ?= cc
PKGS      = libsodium libmariadb
WARN      = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter -Wformat=2
BASE      = -std=c11 -D_GNU_SOURCE -I/usr/include/ClearSilver -Ifcgi \
            $$(pkg-config --cflags $(PKGS)) $(WARN)
LIBS      = -pthread -lfcgi -lneo_cgi -lneo_cs -lneo_utl -lz $$(pkg-config --libs $(PKGS))
SAN       = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRCS      = $(wildcard fcgi/*.c)
HDRS      = fcgi/app.h

# Release build (what `make run` serves) and the sanitized one (what `make test` serves).
build/plumbline: $(SRCS) $(HDRS)
	@mkdir -p build
	@echo "CC $@"; $(CC) $(BASE) -O2 -g -o $@ $(SRCS) $(LIBS)

build/test/plumbline: $(SRCS) $(HDRS)
	@mkdir -p build/test
	@echo "CC $@ (sanitizers)"; $(CC) $(BASE) -O1 -g -DARENA_DEBUG $(SAN) -o $@ $(SRCS) $(LIBS)

.PHONY: help deps build run test unit fuzz check clean

help:            ## list the targets
	@grep -hE '^[a-z-]+:.*## ' Makefile tests/unit/unit.mk | sed -E 's/:[^#]*## /\t/' | expand -t 16

deps:            ## install what is missing (Debian packages; npm packages for tests)
	@tools/deps

build: deps build/plumbline  ## build the server

run: deps build/plumbline   ## start the whole stack with demo data on PORT (default 8080)
	@tools/stack run

test: ## build with sanitizers and run every test on a throwaway stack
	@tools/deps --test
	@$(MAKE) --no-print-directory build/test/plumbline build/plumbline
	@tests/run

check:           ## static checks only (templates, SQL scoping, config)
	@tests/run --checks-only

clean:           ## remove build output
	rm -rf build

-include tests/unit/unit.mk
