import type { SupportedLanguage } from '@frontline/contracts';
import { texts } from './texts.ts';

const voiceLanguage: Record<SupportedLanguage, string> = {
  en: 'en-GB',
  lt: 'lt-LT',
  sk: 'sk-SK',
  pl: 'pl-PL',
  hu: 'hu-HU',
};

let audio: AudioContext | null = null;

/** Whether the browser lets this page make sound yet (autoplay rules need one gesture). */
export function canPlaySound(): boolean {
  return audio?.state === 'running';
}

export async function unlockSound() {
  audio ??= new AudioContext();
  await audio.resume();
}

/** A two-tone chime (no audio file to load): 660 Hz then 880 Hz, soft attack and release. */
function chime() {
  const context = audio;
  if (context?.state !== 'running') return;
  const start = context.currentTime;
  [660, 880].forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    const at = start + index * 0.35;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.3, at + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.6);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.65);
  });
}

/** Chime, then speak the call in each of the location's languages (Web Speech API). */
export function announceCall(ticket: string, deskName: string, languages: SupportedLanguage[]) {
  chime();
  if (!('speechSynthesis' in window)) return;
  for (const language of languages) {
    const utterance = new SpeechSynthesisUtterance(texts[language].announce(ticket, deskName));
    utterance.lang = voiceLanguage[language];
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }
}
