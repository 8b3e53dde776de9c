#!/usr/bin/env bash
# A board on a real network file system: an sshfs (FUSE) mount of a folder served by a private
# sshd on 127.0.0.1. Creating or editing a board there is refused with one clear line; reading
# it works. Skipped (exit 77) where this machine cannot mount FUSE file systems.
#   usage: network_fs_test.sh CUSTOMER_CANVAS_BINARY
set -uo pipefail
bin="$1"
skip() { echo "skipped: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root to run a private sshd"
[ -e /dev/fuse ] || skip "no /dev/fuse"
command -v sshfs >/dev/null && [ -x /usr/sbin/sshd ] || skip "sshfs or sshd is not installed (scripts/deps.sh installs them)"

work="$(mktemp -d)"
sshd_pid=""
cleanup() {
  fusermount -u "$work/mnt" 2>/dev/null || umount -l "$work/mnt" 2>/dev/null
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/src" "$work/mnt" /run/sshd
ssh-keygen -q -t ed25519 -N "" -f "$work/host_key"
ssh-keygen -q -t ed25519 -N "" -f "$work/user_key"
cp "$work/user_key.pub" "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
/usr/sbin/sshd -D -p "$port" -o ListenAddress=127.0.0.1 -h "$work/host_key" -o PermitRootLogin=prohibit-password \
  -o AuthorizedKeysFile="$work/authorized_keys" -o StrictModes=no -o PidFile="$work/sshd.pid" &
sshd_pid=$!
for _ in $(seq 100); do
  sshfs -p "$port" -o StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null,IdentityFile="$work/user_key" \
    "root@127.0.0.1:$work/src" "$work/mnt" 2>/dev/null && break
  sleep 0.1
done
mount | grep -q " $work/mnt type fuse.sshfs" || skip "could not mount sshfs here (FUSE not permitted?)"

fail=0
expect() {  # expect NAME EXIT-STATUS OUTPUT-PATTERN COMMAND...
  local name="$1" want="$2" pattern="$3"; shift 3
  local out; out="$("$@" 2>&1)"; local got=$?
  if [ "$got" -ne "$want" ] || ! grep -q -- "$pattern" <<<"$out"; then
    echo "FAIL $name: exit $got, output: $out"; fail=1
  else
    echo "ok   $name"
  fi
}
expect "a new board on sshfs is refused, naming the file system" 1 "network file system (sshfs (FUSE))" \
  "$bin" new "$work/mnt/team.ccboard" --title Team
[ -e "$work/src/team.ccboard" ] && { echo "FAIL the refused board was created anyway"; fail=1; }
"$bin" new "$work/src/local.ccboard" --title Local >/dev/null
before="$(sha256sum < "$work/src/local.ccboard")"
expect "editing a board on sshfs is refused and points to the team server" 1 "postgresql://" \
  "$bin" add "$work/mnt/local.ccboard" --text "not saved"
expect "reading a board on sshfs works" 0 "Local" "$bin" list "$work/mnt/local.ccboard"
[ "$before" = "$(sha256sum < "$work/src/local.ccboard")" ] || { echo "FAIL the board changed"; fail=1; }
exit $fail
