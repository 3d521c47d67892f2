/** Small line icons for the file tree (inline SVG: no icon font, nothing fetched). */
const paths = {
  newFile: 'M9 1H3v14h10V5zM9 1v4h4M8 8v5M5.5 10.5h5',
  newFolder: 'M1 3h5l1.5 2H15v9H1zM8 7.5v5M5.5 10h5',
  upload: 'M8 11V2M4.5 5.5 8 2l3.5 3.5M2 11v3h12v-3',
  uploadFolder: 'M1 3h5l1.5 2H15v9H1zM8 12V7.5M6 9.5 8 7.5l2 2',
  download: 'M8 2v9M4.5 7.5 8 11l3.5-3.5M2 11v3h12v-3',
  zipOpen: 'M2 2h12v12H2zM8 2v2M8 5v1M8 7v1M7 9h2v2H7z',
  rename: 'M11 2l3 3-8 8H3v-3zM9.5 3.5l3 3',
  trash: 'M2.5 4h11M6 4V2h4v2M4 4l1 10h6l1-10',
  entry: 'M4 2.5v11l9-5.5z',
  chevron: 'M6 4l4 4-4 4',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, open }: { name: IconName; open?: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      style={name === 'chevron' && open ? { transform: 'rotate(90deg)' } : undefined}
    >
      <path d={paths[name]} />
    </svg>
  );
}
