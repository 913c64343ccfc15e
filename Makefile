# The two commands of the README, plus the benchmarks.
.PHONY: run test bench shots lighthouse

run:
	go run ./server -demo

test:
	bash server/scripts/test.sh

bench:
	go test -run '^$$' -bench . -benchtime 3s ./server/web/

# Pictures of every page at 360×740, 768×1024, 1280×800 and 1920×1080, and
# of the presenter wall at the projector sizes, into SHOTS_DIR (look at
# them whenever a page changes). Needs chromium and axe-core as `make test`
# installs them.
SHOTS_DIR ?= /tmp/zukunftswerk-shots
shots:
	mkdir -p $(SHOTS_DIR)
	SHOTS_DIR=$(SHOTS_DIR) go test -count=1 -run 'TestEveryPageAtEverySize|TestPresenterWallFitsEveryProjector' ./server/browsertest/
	@echo "pictures in $(SHOTS_DIR)"

# Lighthouse's accessibility and SEO scores of the public pages (German,
# Leichte Sprache, Arabic) on a demo server of its own; fails under 100.
lighthouse:
	bash server/scripts/lighthouse.sh
