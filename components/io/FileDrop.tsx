import { useId, useRef, useState, type DragEvent } from 'react';

export interface FileDropProps {
  /** Big line in the zone ("Drop a contacts file here"). */
  title: string;
  /** The word between the zone and the button ("or"). */
  or: string;
  /** Button text ("Choose file…"). */
  choose: string;
  /** Shown while a file is dragged over. */
  active: string;
  /** `accept` of the file input. */
  accept?: string;
  /** A line below (formats). */
  hint?: string;
  disabled?: boolean;
  testId?: string;
  onFile(file: File): void;
}

/**
 * A drop zone with a real button: keyboard users press the button (Enter/Space opens the file
 * dialog); the input itself stays in the page so that tests and assistive tech can reach it.
 */
export function FileDrop(props: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !props.disabled) props.onFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer?.files);
  };
  return (
    <div
      className={`io-drop${over ? ' is-over' : ''}`}
      data-testid={props.testId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="io-drop-title">{over ? props.active : props.title}</span>
      <span className="muted">{props.or}</span>
      <button
        type="button"
        className="primary"
        disabled={props.disabled}
        aria-describedby={props.hint ? hintId : undefined}
        onClick={() => input.current?.click()}
      >
        {props.choose}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={props.accept}
        onChange={(e) => {
          take(e.currentTarget.files);
          // Picking the same file again must fire change again.
          e.currentTarget.value = '';
        }}
      />
      {props.hint && (
        <span id={hintId} className="io-muted-small">
          {props.hint}
        </span>
      )}
    </div>
  );
}
