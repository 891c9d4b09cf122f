// The known CoWin record formats a sample can claim to be (cowin-formats.md §1-§3, §5).
export interface ProfileDef {
  id: string;
  title: string;
  source: string;
}

export const PROFILES: readonly ProfileDef[] = [
  { id: 'cowin-beneficiary', title: 'Beneficiary as returned by the protected API v2 (2021) with the 2022 additions', source: 'cowin-formats.md §2.2' },
  { id: 'cowin-appointment', title: 'Appointment objects', source: 'cowin-formats.md §2.3' },
  { id: 'cowin-public-sessions', title: 'Public centre and session records (calendarBy*/findBy*)', source: 'cowin-formats.md §1.5' },
  { id: 'divoc-certificate', title: 'DIVOC vaccination certificate (W3C verifiable credential)', source: 'cowin-formats.md §3' },
  { id: 'cowin-vaccinator-export', title: 'Vaccinator-side or back-end records with unmasked identifiers', source: 'cowin-formats.md §2.7' },
  { id: 'telegram-bot-2023', title: 'The June 2023 Telegram-bot shape', source: 'cowin-formats.md §6 (Jun 2023)' },
];

export function findProfile(id: string): ProfileDef | undefined {
  return PROFILES.find((p) => p.id === id);
}
