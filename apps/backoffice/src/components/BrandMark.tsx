import { useId } from 'react';

interface BrandMarkProps {
  size?: number;
}

/** Vigie's mark: a lookout's shield with the V of the name. */
export const BrandMark = ({ size = 40 }: BrandMarkProps) => {
  // useId() contains characters that break a `url(#…)` reference.
  const gradientId = `vigie-mark-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" role="img" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#1a6a88" />
          <stop offset="1" stopColor="#0f766e" />
        </linearGradient>
      </defs>
      <rect width="40" height="40" rx="11" fill={`url(#${gradientId})`} />
      <path
        d="M20 8.5 29.5 12v7.2c0 6.3-4 11-9.5 12.8-5.5-1.8-9.5-6.5-9.5-12.8V12Z"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path
        d="m15.5 16.5 4.5 9 4.5-9"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
};
