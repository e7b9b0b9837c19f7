import { useQuery } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useParams } from 'react-router';
import { getProgram, programKeys, type ProgramView } from '../../api/programs.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { usePageTitle } from '../../lib/use-page-title';

/** What an officer's editor of one program gets: the program, and a message that outlives the form. */
export interface EditorProps {
  program: ProgramView;
  message: string | null;
  setMessage: (m: string | null) => void;
}

/**
 * Loads the route's program for an editor page. Saving remounts the editor on the new version
 * (`remountKey`), so the form starts from what was saved; the message is kept here to survive it.
 */
export function ProgramForEditing({
  title,
  remountKey,
  editor: Editor,
}: {
  title: string;
  remountKey: (p: ProgramView) => string;
  editor: ComponentType<EditorProps>;
}) {
  const id = useParams().id ?? '';
  const q = useQuery({ queryKey: programKeys.one(id), queryFn: () => getProgram(id) });
  const [message, setMessage] = useState<string | null>(null);
  usePageTitle(title);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  return <Editor key={remountKey(q.data)} program={q.data} message={message} setMessage={setMessage} />;
}
