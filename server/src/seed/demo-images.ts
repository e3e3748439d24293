import sharp from 'sharp';

/**
 * Demo product images are drawn, not downloaded: an SVG illustration per kind of product on a
 * gradient that varies with each product, rendered to WebP by sharp. No text is drawn, so the
 * pictures look the same on machines without fonts.
 */
export type IllustrationKind =
  | 'headphones' | 'laptop' | 'phone' | 'pan' | 'mug' | 'pillow' | 'shirt' | 'dress' | 'shoe'
  | 'dumbbell' | 'tent' | 'bike' | 'book' | 'bottle' | 'jar' | 'blocks' | 'puzzle' | 'plant' | 'trowel'
  | 'notebook' | 'chair';

const stroke = 'fill="none" stroke="#fff" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"';
const solid = 'fill="#fff"';

/** Each illustration is drawn in a 200×200 box. */
const illustrations: Record<IllustrationKind, string> = {
  headphones: `<path ${stroke} d="M40 120 V100 a60 60 0 0 1 120 0 V120"/><rect ${solid} x="28" y="110" width="36" height="60" rx="14"/><rect ${solid} x="136" y="110" width="36" height="60" rx="14"/>`,
  laptop: `<rect ${stroke} x="40" y="45" width="120" height="85" rx="8"/><path ${solid} d="M20 140 H180 L168 160 H32 Z"/>`,
  phone: `<rect ${stroke} x="65" y="25" width="70" height="150" rx="14"/><circle ${solid} cx="100" cy="155" r="7"/><path ${stroke} d="M88 40 H112"/>`,
  pan: `<circle ${stroke} cx="85" cy="105" r="50"/><path ${stroke} d="M133 88 L185 62"/><circle ${solid} cx="85" cy="105" r="26" opacity="0.5"/>`,
  mug: `<path ${stroke} d="M45 60 H135 V145 a20 20 0 0 1 -20 20 H65 a20 20 0 0 1 -20 -20 Z"/><path ${stroke} d="M135 80 h15 a20 20 0 0 1 0 40 h-15"/><path ${stroke} d="M75 25 q10 12 0 24 M105 25 q10 12 0 24"/>`,
  pillow: `<path ${stroke} d="M35 55 Q100 35 165 55 Q180 100 165 145 Q100 165 35 145 Q20 100 35 55 Z"/><circle ${solid} cx="100" cy="100" r="8"/>`,
  shirt: `<path ${stroke} d="M70 35 L30 60 L45 95 L62 87 V170 H138 V87 L155 95 L170 60 L130 35 Q100 60 70 35 Z"/>`,
  dress: `<path ${stroke} d="M80 30 H120 L115 75 L150 170 H50 L85 75 Z"/><path ${stroke} d="M86 75 H114"/>`,
  shoe: `<path ${stroke} d="M30 140 V85 L70 80 Q90 110 130 115 Q170 120 175 140 Z"/><path ${stroke} d="M28 160 H178"/>`,
  dumbbell: `<rect ${solid} x="25" y="65" width="25" height="70" rx="6"/><rect ${solid} x="150" y="65" width="25" height="70" rx="6"/><path ${stroke} d="M50 100 H150"/><rect ${solid} x="8" y="80" width="17" height="40" rx="5"/><rect ${solid} x="175" y="80" width="17" height="40" rx="5"/>`,
  tent: `<path ${stroke} d="M20 165 L100 35 L180 165 Z"/><path ${stroke} d="M100 35 L100 165 M78 165 L100 120 L122 165"/>`,
  bike: `<circle ${stroke} cx="50" cy="130" r="32"/><circle ${stroke} cx="150" cy="130" r="32"/><path ${stroke} d="M50 130 L85 75 H135 L150 130 M85 75 L105 130 L135 75 M78 60 H98"/>`,
  book: `<path ${stroke} d="M100 50 Q70 30 30 40 V160 Q70 150 100 170 Q130 150 170 160 V40 Q130 30 100 50 Z"/><path ${stroke} d="M100 50 V170"/>`,
  bottle: `<rect ${stroke} x="60" y="75" width="80" height="100" rx="16"/><rect ${solid} x="82" y="30" width="36" height="45" rx="6"/><path ${stroke} d="M80 120 H120"/>`,
  jar: `<rect ${stroke} x="45" y="70" width="110" height="95" rx="22"/><rect ${solid} x="55" y="38" width="90" height="28" rx="8"/>`,
  blocks: `<rect ${solid} x="30" y="105" width="60" height="60" rx="6"/><rect ${solid} x="110" y="105" width="60" height="60" rx="6" opacity="0.8"/><rect ${solid} x="70" y="40" width="60" height="60" rx="6" opacity="0.9"/>`,
  puzzle: `<path ${stroke} d="M40 40 H85 a15 15 0 1 1 30 0 H160 V85 a15 15 0 1 0 0 30 V160 H115 a15 15 0 1 0 -30 0 H40 V115 a15 15 0 1 1 0 -30 Z"/>`,
  plant: `<path ${solid} d="M60 130 H140 L128 180 H72 Z"/><path ${stroke} d="M100 130 V70"/><path ${solid} d="M100 85 Q60 85 50 45 Q90 45 100 85 Z M100 75 Q140 75 150 35 Q110 35 100 75 Z"/>`,
  trowel: `<path ${solid} d="M95 20 Q130 60 110 110 L90 110 Q70 60 95 20 Z" transform="rotate(30 100 100)"/><path ${stroke} d="M85 120 L55 175" />`,
  notebook: `<rect ${stroke} x="50" y="30" width="105" height="145" rx="8"/><path ${stroke} d="M75 30 V175 M95 70 H135 M95 95 H135"/>`,
  chair: `<path ${stroke} d="M65 30 H135 V105 H65 Z M55 120 H145 M100 120 V155 M65 175 L100 155 L135 175"/>`,
};

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const k = (n: number) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))));
  return `#${[channel(0), channel(8), channel(4)].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

export function productIllustrationSvg(kind: IllustrationKind, hue: number, variant: number, size = 600): string {
  const from = hslToHex(hue, 62, 58);
  const to = hslToHex((hue + 35) % 360, 70, 38);
  const blobX = 80 + ((variant * 97) % 440);
  const blobY = 80 + ((variant * 53) % 440);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 600 600">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
    <filter id="s" x="-20%" y="-20%" width="140%" height="140%"><feDropShadow dx="0" dy="10" stdDeviation="12" flood-color="#000" flood-opacity="0.25"/></filter>
  </defs>
  <rect width="600" height="600" fill="url(#g)"/>
  <circle cx="${blobX}" cy="${blobY}" r="170" fill="#fff" opacity="0.10"/>
  <circle cx="${600 - blobY}" cy="${600 - blobX}" r="120" fill="#000" opacity="0.06"/>
  <g transform="translate(150 150) scale(1.5)" filter="url(#s)">${illustrations[kind]}</g>
</svg>`;
}

export async function renderProductImage(kind: IllustrationKind, hue: number, variant: number): Promise<{ bytes: Buffer; width: number; height: number }> {
  const size = 600;
  const bytes = await sharp(Buffer.from(productIllustrationSvg(kind, hue, variant, size))).webp({ quality: 82 }).toBuffer();
  return { bytes, width: size, height: size };
}
