import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getSuggestions } from '../api/reference.api';
import { foldText } from './fold-text';
import { useDebouncedEffect } from './use-debounced-effect';
import { useLanguage } from './use-language';

/** Server suggestions for what is being typed, asked once typing pauses (two letters at least). */
export function useSuggestions(text: string, enabled: boolean) {
  const language = useLanguage();
  const [settled, setSettled] = useState('');
  useDebouncedEffect(text.trim(), 200, setSettled);
  const q = foldText(settled).length >= 2 ? settled : '';
  return useQuery({
    queryKey: ['reference', 'suggest', q, language],
    queryFn: () => getSuggestions(q, language === 'en' ? 'en' : 'vi'),
    enabled: enabled && q !== '',
    staleTime: 5 * 60_000,
  }).data;
}
