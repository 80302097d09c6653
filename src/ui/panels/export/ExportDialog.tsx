/**
 * Export: the design file, an AWS CLI script (whole network, or only the groups into an existing
 * VPC), Terraform, CloudFormation, or a PNG/SVG of the diagram; each made only when its format is
 * picked. Text exports show the exporter's notes above a preview, with Copy and Download; images
 * show the picture. "Copy share link" puts the design itself into a link.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { designStore, useStore } from '../../store/index.ts';
import { copyImage, copyText, selectContents } from './clipboard.ts';
import { download } from './download.ts';
import { ImageExportPanel, TextExportPanel } from './ExportPanels.tsx';
import { fileName } from './file-name.ts';
import { AwsScopePicker, FormatPicker, type AwsScope } from './FormatPicker.tsx';
import { warmUp } from './generate.ts';
import { formatInfo, groupsOnlyVpc, isTextFormat, type FormatId, type TextRequest } from './formats.ts';
import { ShareLinkButton } from './ShareLinkButton.tsx';
import { UsageHint } from './usage-hint.tsx';
import { useImageExport, useTextExport, type CaptureImage } from './use-export.ts';

type CopyState = 'idle' | 'copied' | 'denied';

export function ExportDialog({ captureImage }: { captureImage: CaptureImage }) {
  const open = useStore((s) => s.exportOpen);
  const design = useStore((s) => s.design);
  const theme = useStore((s) => s.theme);
  const showConnections = useStore((s) => s.showConnections);
  const [format, setFormat] = useState<FormatId>('json');
  const [scope, setScope] = useState<AwsScope>({ groupsOnly: false });
  const [copy, setCopy] = useState<CopyState>('idle');
  const [opened, setOpened] = useState(0);
  const code = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    setOpened((n) => n + 1);
    warmUp();
  }, [open]);
  useEffect(() => setCopy('idle'), [format, scope, open]);
  useEffect(() => {
    if (copy !== 'copied') return;
    const t = setTimeout(() => setCopy('idle'), 2500);
    return () => clearTimeout(t);
  }, [copy]);

  const vpcs = Object.values(design.vpcs);
  const groupsVpc = scope.groupsOnly ? groupsOnlyVpc(design, scope.vpcId) : undefined;
  const text = open && isTextFormat(format);
  const request: TextRequest | null = !text ? null : format === 'aws-cli' && scope.groupsOnly ? { format, groupsOnly: true, ...(groupsVpc ? { vpcId: groupsVpc.id } : {}) } : { format };
  const textState = useTextExport(design, request);
  const imageFormat = open && !isTextFormat(format) ? format : null;
  // A new picture each time the dialog opens: the selection or the viewport's content may have changed.
  const imageState = useImageExport(imageFormat, captureImage, [design, theme, showConnections, opened]);

  const info = formatInfo(format);
  const file = fileName(design.name, info.extension, format === 'aws-cli' && scope.groupsOnly ? 'security-groups' : '');
  const close = () => designStore.getState().setExportOpen(false);

  const ready = text ? textState.status === 'done' && textState.result.ok : imageState.status === 'done';
  const onDownload = () => {
    if (text && textState.status === 'done' && textState.result.ok) download(textState.result.text, file, info.mime);
    else if (!text && imageState.status === 'done') download(imageState.image.blob, file, info.mime);
  };
  const onCopy = async () => {
    let done = false;
    if (text && textState.status === 'done' && textState.result.ok) done = await copyText(textState.result.text);
    else if (format === 'png' && imageState.status === 'done') done = await copyImage(imageState.image.blob);
    setCopy(done ? 'copied' : 'denied');
    if (!done && text) selectContents(code.current);
  };
  const canCopy = text || format === 'png';

  const footer = (
    <div className="flex w-full flex-wrap items-start gap-3">
      <ShareLinkButton design={design} />
      <div className="flex-1" />
      <Button variant="ghost" onClick={close}>
        Close
      </Button>
      {canCopy && (
        <Button icon={copy === 'copied' ? 'check' : 'copy'} disabled={!ready} onClick={() => void onCopy()}>
          {copy === 'copied' ? 'Copied' : format === 'png' ? 'Copy image' : 'Copy'}
        </Button>
      )}
      <Button variant="primary" icon="download" disabled={!ready} onClick={onDownload} aria-label={`Download ${file}`}>
        Download {file}
      </Button>
    </div>
  );

  return (
    <Dialog open={open} title="Export" onClose={close} width="max-w-6xl" footer={footer}>
      <div className="grid h-[62vh] min-h-[29rem] grid-cols-[15.5rem_minmax(0,1fr)] gap-5">
        <FormatPicker format={format} onFormat={setFormat} />
        <div className="flex min-h-0 min-w-0 flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4">
            <h3 className="text-base font-semibold">{info.label}</h3>
            <span className="font-mono text-[14px] text-slate-600 dark:text-slate-300">{file}</span>
          </div>
          {format === 'aws-cli' && <AwsScopePicker scope={scope} onScope={setScope} vpcs={vpcs} selectedVpcId={groupsVpc?.id} />}
          <p className="text-[15px] leading-relaxed text-slate-700 dark:text-slate-200">
            <UsageHint format={format} file={file} designName={design.name} groupsOnly={scope.groupsOnly} />
          </p>
          <div aria-live="polite" className="empty:hidden">
            {copy === 'copied' && (
              <p role="status" className="text-[15px] font-medium text-emerald-800 dark:text-emerald-300">
                Copied to the clipboard.
              </p>
            )}
            {copy === 'denied' && (
              <p role="status" className="rounded-xl bg-amber-50 px-4 py-2 text-[15px] text-amber-950 ring-1 ring-amber-300 dark:bg-amber-950/60 dark:text-amber-50 dark:ring-amber-700">
                {text
                  ? 'The browser did not allow copying. The preview’s text is selected: press Ctrl+C (⌘C on a Mac) to copy it, or use Download.'
                  : 'The browser did not allow copying the image: use Download instead.'}
              </p>
            )}
          </div>
          {text ? <TextExportPanel format={format} file={file} state={textState} codeRef={code} /> : <ImageExportPanel format={format as 'png' | 'svg'} state={imageState} resources={Object.keys(design.resources).length} />}
        </div>
      </div>
    </Dialog>
  );
}
