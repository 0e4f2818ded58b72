#!/usr/bin/env bash
# macOS: sign (optional), package and notarise (optional) Vertrouwd.app into a .dmg.
#   packaging/macos/build_dmg.sh DIST VERSION
# DIST holds Vertrouwd.app from packaging/build_frozen.sh (the spec makes the .app on macOS).
# Signing and notarisation run only when these are set (see packaging/README.md):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)"
#   MACOS_NOTARY_PROFILE  a keychain profile made with `xcrun notarytool store-credentials`
# Runs on macOS only (hdiutil, codesign); .github/workflows/release.yml calls it. Not run by .ci/run.
set -euo pipefail
DIST="$1"; VERSION="$2"
HERE="$(cd "$(dirname "$0")" && pwd)"
APP="$DIST/Vertrouwd.app"
DMG="$DIST/Vertrouwd-$VERSION.dmg"
test -d "$APP"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  # Hardened runtime (required for notarisation); inner binaries first, then the bundle.
  find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime \
      --entitlements "$HERE/entitlements.plist" --sign "$MACOS_SIGN_IDENTITY"
  codesign --force --timestamp --options runtime --entitlements "$HERE/entitlements.plist" \
    --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
fi
STAGE="$(mktemp -d)"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"   # drag-to-install
rm -f "$DMG"
hdiutil create -volname "Vertrouwd $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
rm -rf "$STAGE"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
echo "dmg: $DMG ($(du -m "$DMG" | cut -f1) MiB)"
