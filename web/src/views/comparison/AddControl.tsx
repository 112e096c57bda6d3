// A labelled select of what is not in the table yet, and a button that adds it.
import { useId, useState } from "react";

interface Props {
  label: string;
  options: { id: string; label: string }[];
  onAdd: (id: string) => void;
}

export function AddControl({ label, options, onAdd }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState("");
  const value = options.some((o) => o.id === chosen) ? chosen : (options[0]?.id ?? "");
  return (
    <form
      className="add-control"
      onSubmit={(event) => {
        event.preventDefault();
        if (value) onAdd(value);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={!options.length} onChange={(e) => setChosen(e.target.value)}>
        {options.length ? (
          options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))
        ) : (
          <option value="">all are shown</option>
        )}
      </select>
      <button type="submit" disabled={!options.length}>
        Add
      </button>
    </form>
  );
}
