/** A labelled list of numbers, each shown in words ("1 minute"). */
export function NumberChoice(props: {
  id: string;
  label: string;
  value: number;
  choices: number[];
  words: (value: number) => string;
  disabled?: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <span class="op-field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={String(props.value)}
        disabled={props.disabled}
        onChange={(event) => props.onChange(Number(event.currentTarget.value))}
      >
        {props.choices.map((choice) => (
          <option key={choice} value={String(choice)}>
            {props.words(choice)}
          </option>
        ))}
      </select>
    </span>
  );
}
