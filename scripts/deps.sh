#!/usr/bin/env bash
# Installs the Debian packages the project needs, if any are missing. Sourced or run by
# run.sh, test.sh and bench.sh; safe to run again (it only installs what is not there).
set -euo pipefail

CC_PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config
  # the program
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri libfontconfig-dev fonts-noto-cjk
  # the desktop's file chooser through the XDG desktop portal (GIO's D-Bus)
  libglib2.0-dev
  libsqlite3-dev libsqlitecpp-dev libcereal-dev rapidjson-dev libcli11-dev
  # boards on a team server (libpq), and the throwaway cluster the tests start (postgresql)
  libpq-dev postgresql
  # importers
  libcmark-dev libpoppler-cpp-dev libzip-dev libpugixml-dev libuchardet-dev
  # sorting candidates: Chinese word segmentation and NFKC (ICU), English stemming (Snowball)
  libicu-dev libstemmer-dev
  # tests and benchmarks
  googletest libgtest-dev librapidcheck-dev libbenchmark-dev sqlite3
  xvfb xauth xdotool x11-utils xclip imagemagick python3 python3-xlib
  # the Chinese window test reads its menu and status bars (OCR)
  tesseract-ocr tesseract-ocr-chi-sim
  # Chinese typed through a real input method: fcitx5 with Pinyin on a session bus of the test's own
  fcitx5 fcitx5-chinese-addons dbus-daemon dbus-bin
  # the desktop's own file chooser, reached through the portal on the test's own session bus
  xdg-desktop-portal xdg-desktop-portal-gtk
  # the import benchmark writes its PDF with Cairo and Pango (also the summary exporter's libraries)
  libcairo2-dev libpango1.0-dev
  # fuzzing (libFuzzer comes with clang's runtime) and the pdftotext floor of the import benchmark
  clang libclang-rt-14-dev poppler-utils
  # the summary tests make boards whose months are known
  faketime
  # translations: msgfmt and xgettext build and check the catalogues
  gettext
  # a board on a real network file system: an sshfs mount served by a private sshd
  sshfs openssh-server
)

missing=()
for p in "${CC_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "error: these packages are missing and this user cannot install them: ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
