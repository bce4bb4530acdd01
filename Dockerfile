# syntax=docker/dockerfile:1
# The stepwise container image: a static musl binary on distroless/static, run as a
# non-root user in /work. Published as ghcr.io/stepwise-docs/stepwise by the release
# workflow; see docs/install.md.
#
#   docker build -t stepwise .
#   docker run --rm -v "$PWD:/work" stepwise check guides --format short

FROM rust:1-alpine AS build
# The C runtime to link against; alpine's Rust links musl statically. Not pinned: the
# version is the one of the base image's alpine release.
# hadolint ignore=DL3018
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --locked --release \
    && cp target/release/stepwise /stepwise \
    && /stepwise --version

FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=unreleased
LABEL org.opencontainers.image.title="stepwise" \
      org.opencontainers.image.description="Structured how-to guides: validate YAML step definitions per platform and render help-center pages" \
      org.opencontainers.image.source="https://github.com/stepwise-docs/stepwise" \
      org.opencontainers.image.url="https://github.com/stepwise-docs/stepwise" \
      org.opencontainers.image.documentation="https://github.com/stepwise-docs/stepwise/blob/main/docs/install.md" \
      org.opencontainers.image.licenses="MIT OR Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"
COPY --from=build /stepwise /usr/local/bin/stepwise
# The guides are mounted here: docker run -v "$PWD:/work" ...
WORKDIR /work
# distroless's nonroot user (65532); run with --user "$(id -u):$(id -g)" to write files
# (build -o, check --fix) owned by yourself in the mounted folder.
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/stepwise"]
CMD ["--help"]
