/** One line per format on what to do with the file, with the file's own name in the command. */
import type { ReactNode } from 'react';
import { fileStem } from './file-name.ts';
import type { FormatId } from './formats.ts';

/** Inline code; a short one never breaks, a long command may break anywhere rather than overflow. */
const Code = ({ children, long = false }: { children: ReactNode; long?: boolean }) => (
  <code className={`rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[13.5px] dark:bg-slate-800 ${long ? '[overflow-wrap:anywhere]' : 'whitespace-nowrap'}`}>{children}</code>
);

export function UsageHint({ format, file, designName, groupsOnly }: { format: FormatId; file: string; designName: string; groupsOnly: boolean }) {
  switch (format) {
    case 'json':
      return (
        <>
          Opens again with Import (or drop it on the window); the command line reads it too: <Code long>npm run cli -- check {file}</Code>
        </>
      );
    case 'aws-cli':
      return groupsOnly ? (
        <>
          Creates the groups and their rules in a VPC you already have: <Code long>VPC_ID=vpc-0123… bash {file}</Code>
        </>
      ) : (
        <>
          Run it once per account and Region, signed in with AWS CLI v2: <Code long>bash {file}</Code>. <Code>AWS_REGION</Code> and <Code>IMAGE_ID</Code> override the Region and
          the instances' image.
        </>
      );
    case 'terraform':
      return (
        <>
          Put it in an empty folder, then <Code>terraform init && terraform apply</Code>; the variables at the top say what to pass (such as <Code>ami_id</Code>).
        </>
      );
    case 'cloudformation':
      return (
        <>
          <Code long>
            aws cloudformation deploy --template-file {file} --stack-name {fileStem(designName)}
          </Code>{' '}
          (add <Code>--parameter-overrides</Code> for its Parameters).
        </>
      );
    case 'png':
      return <>The whole diagram, framed on every node (not only what is on screen), in the current theme, at twice the pixels for sharp slides.</>;
    case 'svg':
      return (
        <>
          The whole diagram, scalable. It carries the canvas as HTML inside the SVG (<Code>foreignObject</Code>): browsers show it exactly, some drawing tools cannot; use the PNG
          there.
        </>
      );
  }
}
