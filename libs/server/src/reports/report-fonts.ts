// The fonts embedded in PDF reports: Noto Sans for Latin, Greek and Cyrillic, with Noto Sans KR (Hangul, CJK) and
// Noto Sans Arabic for what it lacks. Read once from their npm packages; each PDF carries only the glyphs it uses.
import type { PdfRenderOptions } from '@claimdesk/reports';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Literal package names, so that dependency checks see where each package is used.
const PACKAGES = {
  '@expo-google-fonts/noto-sans': () => require.resolve('@expo-google-fonts/noto-sans/package.json'),
  '@expo-google-fonts/noto-sans-kr': () => require.resolve('@expo-google-fonts/noto-sans-kr/package.json'),
  '@expo-google-fonts/noto-sans-arabic': () => require.resolve('@expo-google-fonts/noto-sans-arabic/package.json'),
};

function fontFile(pkg: keyof typeof PACKAGES, file: string): Uint8Array {
  return readFileSync(join(dirname(PACKAGES[pkg]()), file));
}

let loaded: NonNullable<PdfRenderOptions['fonts']> | undefined;

export function reportFonts(): NonNullable<PdfRenderOptions['fonts']> {
  loaded ??= {
    regular: fontFile('@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'),
    bold: fontFile('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'),
    italic: fontFile('@expo-google-fonts/noto-sans', '400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    fallbacks: [
      { regular: fontFile('@expo-google-fonts/noto-sans-kr', '400Regular/NotoSansKR_400Regular.ttf'), bold: fontFile('@expo-google-fonts/noto-sans-kr', '700Bold/NotoSansKR_700Bold.ttf') },
      {
        regular: fontFile('@expo-google-fonts/noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'),
        bold: fontFile('@expo-google-fonts/noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'),
      },
    ],
  };
  return loaded;
}
