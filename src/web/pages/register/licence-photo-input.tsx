// The licence photo as a form control: the value is the file's base64, as the API takes it. Images show a
// preview; the type is checked from the bytes by the form's rule, as the server does.
import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-describedby'?: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // readAsDataURL gives a string: data:<type>;base64,<data>
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

export function LicencePhotoInput({ id, value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!file || !file.type.startsWith('image/')) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  // The form was reset: forget the file too.
  useEffect(() => {
    if (value === undefined) setFile(null);
  }, [value]);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    onChange?.(await readAsBase64(chosen));
  };

  return (
    <div className="custos-photo-input">
      <input
        ref={input}
        id={inputId}
        type="file"
        accept="image/jpeg,image/png,application/pdf"
        className="custos-visually-hidden"
        // The button is the keyboard's way in; the label still opens the picker.
        tabIndex={-1}
        aria-describedby={rest['aria-describedby']}
        onChange={(event) => void choose(event.target.files?.[0])}
        data-testid="licence-photo-input"
      />
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
        {t('register.photoChoose')}
      </Button>
      {file ? <span className="custos-photo-name">{file.name}</span> : null}
      {preview ? <img src={preview} alt={t('register.photoAlt')} className="custos-photo-preview" /> : null}
    </div>
  );
}
