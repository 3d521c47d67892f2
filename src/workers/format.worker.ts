/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { formatFile } from '../format/formatters';
import type { FormatterApi } from '../protocol/format';

const api: FormatterApi = { format: formatFile };
Comlink.expose(api);
