# Zukunftswerk: one binary with migrations, templates and static files inside.
# These steps mirror the README's "Build and run without Docker".

# Build: cgo is needed for mattn/go-sqlite3.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w" -o /out/zukunftswerk ./server

# Run: a small glibc image, a non-root user, the database on a volume.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin zukunftswerk \
 && mkdir -p /data && chown zukunftswerk /data
COPY --from=build /out/zukunftswerk /usr/local/bin/zukunftswerk
USER zukunftswerk
WORKDIR /data
ENV LISTEN_ADDR=:8080 \
    DATABASE_URL=/data/zukunftswerk.db
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["/usr/local/bin/zukunftswerk", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/zukunftswerk"]
