#!/usr/bin/env bash
# Installs Debian's nginx when missing (needs root or sudo). The reverse-proxy test runs it from a
# temporary prefix as its own process, so the packaged service is never started or changed here.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
echo "nginx not found; installing it with apt-get" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
# policy-rc.d-free way to keep the package's service from starting: the test never uses it.
$sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq -o DPkg::Lock::Timeout=300 nginx-light >/dev/null \
  || $sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq -o DPkg::Lock::Timeout=300 nginx >/dev/null
[ -x /usr/sbin/nginx ]
