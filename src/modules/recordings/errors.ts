// Errors of the recordings module, with their stable codes. tus answers with the statuses its specification
// names (409 offset, 412 version, 413 size, 460 checksum); the body is problem+json as everywhere else.
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  locked,
  msg,
  notFound,
} from '../../platform/http/errors.js';

export const recordingNotFound = () =>
  notFound('recording.not_found', msg('找不到该录像。', 'No such recording.'));

export const uploadNotFound = () =>
  notFound('recording.upload_not_found', msg('找不到该上传。', 'No such upload.'));

export const uploadGone = (state: string) =>
  new AppError(
    410,
    'recording.upload_gone',
    msg(
      '该上传已结束（被拒绝、已过期或已取消），请重新上传。',
      'This upload has ended (rejected, expired or cancelled); upload the file again.',
    ),
    { state },
  );

export const tusVersionUnsupported = () =>
  new AppError(
    412,
    'recording.tus_version',
    msg('仅支持 tus 1.0.0 协议。', 'Only version 1.0.0 of the tus protocol is supported.'),
  );

export const badUploadLength = (max: number) =>
  badRequest(
    'recording.upload_length',
    msg(
      '请在 Upload-Length 中给出文件的字节数（不支持延后声明长度）。',
      'Give the file’s size in bytes in Upload-Length (a deferred length is not supported).',
    ),
    { max },
  );

export const uploadTooLarge = (max: number) =>
  new AppError(
    413,
    'recording.upload_too_large',
    msg(`文件超过允许的最大大小（${max} 字节）。`, `The file is larger than the ${max} bytes allowed.`),
    { max },
  );

export const badMetadata = () =>
  badRequest(
    'recording.metadata_malformed',
    msg('Upload-Metadata 格式不正确。', 'The Upload-Metadata header is malformed.'),
  );

export const badOffset = () =>
  badRequest('recording.upload_offset', msg('请给出有效的 Upload-Offset。', 'Give a valid Upload-Offset.'));

export const offsetMismatch = (expected: number) =>
  conflict(
    'recording.offset_mismatch',
    msg(
      `上传位置不一致：服务器已收到 ${expected} 字节，请从该位置继续。`,
      `The offset does not match: the server has ${expected} bytes; continue from there.`,
    ),
    { offset: expected },
  );

export const badChecksumHeader = (reason: 'unsupported' | 'malformed') =>
  badRequest(
    'recording.checksum_header',
    reason === 'unsupported'
      ? msg('Upload-Checksum 仅支持 sha256。', 'Upload-Checksum supports sha256 only.')
      : msg('Upload-Checksum 格式不正确。', 'The Upload-Checksum header is malformed.'),
  );

export const chunkChecksumMismatch = () =>
  new AppError(
    460,
    'recording.chunk_checksum_mismatch',
    msg(
      '本段数据的校验值不符，服务器未保存这段数据，请重新发送。',
      'This chunk does not match its checksum; none of it was kept. Send it again.',
    ),
  );

export const uploadExceedsLength = () =>
  new AppError(
    413,
    'recording.upload_exceeds_length',
    msg('发送的数据超出了声明的文件大小。', 'More bytes were sent than the declared file size.'),
  );

export const uploadBusy = () =>
  locked(
    'recording.upload_busy',
    msg(
      '该上传正在另一连接中进行，请稍后再试。',
      'This upload is in progress on another connection; try again shortly.',
    ),
  );

export const tooManyUploads = () =>
  new AppError(
    503,
    'recording.uploads_busy',
    msg('服务器正在接收其他上传，请稍后继续。', 'The server is receiving other uploads; continue shortly.'),
  );

export const hashMismatch = (declared: string, actual: string) =>
  new AppError(
    422,
    'recording.hash_mismatch',
    msg(
      '收到的文件与声明的 SHA-256 校验值不符，未予封存。请核对原始文件后重新上传。',
      'The file received does not match the SHA-256 declared for it and was not sealed. Check the original and upload it again.',
    ),
    { declared, actual },
  );

export const caseMismatch = () =>
  badRequest(
    'recording.case_mismatch',
    msg('该执法活动不属于所给案件。', 'The activity does not belong to the case given.'),
  );

export const activityUnknown = () =>
  notFound('case.activity_not_found', msg('找不到该执法活动。', 'No such activity.'));

export const notUploader = () =>
  forbidden(
    'recording.not_uploader',
    msg(
      '只有发起上传的民警可以继续或取消该上传。',
      'Only the officer who started this upload may continue or cancel it.',
    ),
  );

export const alertNotFound = () =>
  notFound('recording.alert_not_found', msg('找不到该告警。', 'No such alert.'));

export const alertAcknowledged = () =>
  conflict(
    'recording.alert_acknowledged',
    msg('该告警已被确认。', 'This alert has already been acknowledged.'),
  );

export const notSealed = () =>
  conflict(
    'recording.not_sealed',
    msg('录像尚未封存，不能添加批注。', 'The recording is not sealed yet; annotations come after sealing.'),
  );

export const notPlayable = () =>
  conflict(
    'recording.not_playable',
    msg('只有已封存的录像可以播放。', 'Only a sealed recording can be played.'),
  );
