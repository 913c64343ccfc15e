# The two commands of the README, plus the benchmarks.
.PHONY: run test bench

run:
	go run ./server -demo

test:
	bash server/scripts/test.sh

bench:
	go test -run '^$$' -bench . -benchtime 3s ./server/web/
