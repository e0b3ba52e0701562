import { useId, type ReactNode } from 'react';

export interface Control {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface Props {
  /** The field's path in the form's body (`name`, `items.3.name`): its error's test id. */
  name: string;
  label: string;
  error?: string | undefined;
  /** What the field takes, shown until it is wrong. */
  hint?: string;
  className?: string;
  children(control: Control): ReactNode;
}

/** A labelled control with its error right beside it (read out when it appears). */
export function Field({ name, label, error, hint, className = '', children }: Props) {
  const id = useId();
  const note = error || hint ? `${id}-note` : undefined;
  return (
    <div className={`admin-field ${error ? 'admin-field-bad' : ''} ${className}`} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': note })}
      {error ? (
        <p id={note} className="admin-field-error" role="alert" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : (
        hint && (
          <p id={note} className="admin-field-hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}

interface GroupProps {
  name: string;
  legend: string;
  error?: string | undefined;
  hint?: string;
  className?: string;
  children: ReactNode;
}

/** A set of checkboxes or radios under one caption, its error beside it. */
export function FieldGroup({ name, legend, error, hint, className = '', children }: GroupProps) {
  const id = useId();
  return (
    <fieldset
      className={`admin-field admin-group ${error ? 'admin-field-bad' : ''} ${className}`}
      data-field={name}
      aria-invalid={Boolean(error)}
      aria-describedby={error || hint ? `${id}-note` : undefined}
    >
      <legend>{legend}</legend>
      {children}
      {error ? (
        <p id={`${id}-note`} className="admin-field-error" role="alert" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-note`} className="admin-field-hint">
            {hint}
          </p>
        )
      )}
    </fieldset>
  );
}
